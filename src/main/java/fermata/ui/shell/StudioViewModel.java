package fermata.ui.shell;

import fermata.core.edit.AddTrack;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.EditCommand;
import fermata.core.edit.History;
import fermata.core.edit.MoveTrack;
import fermata.core.edit.RemoveTrack;
import fermata.core.edit.RenameTrack;
import fermata.core.edit.SetInstrument;
import fermata.core.edit.SetMixer;
import fermata.core.edit.SetTempo;
import fermata.core.edit.SetTimeSignature;
import fermata.core.model.AudioTrack;
import fermata.core.model.GeneralMidi;
import fermata.core.model.Ids;
import fermata.core.model.Instrument;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.model.Track;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * State of the studio window: the open project, its undo history and the rows of the track list.
 * Uses only javafx.base (properties, observable lists), so it is tested without a toolkit.
 * Every change goes through {@link #execute(EditCommand)} and the history.
 */
public final class StudioViewModel {
    private final History history;
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<TrackRow> tracks = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(true);

    public StudioViewModel(Project initial, Path initialFile) {
        history = new History(initial);
        file.set(initialFile);
        history.addListener(h -> refresh());
        refresh();
    }

    /**
     * One line of the track list.
     *
     * @param program the General MIDI program of a MIDI track, -1 for drums and audio tracks
     */
    public record TrackRow(String id, String name, String kind, String source, int items, double gainDb, double pan,
                           boolean mute, boolean solo, int program) {
        static TrackRow of(Track t) {
            if (t instanceof MidiTrack m) {
                boolean drums = m.instrument().isDrums();
                String source = drums ? "Drums" : GeneralMidi.name(m.instrument().program());
                return new TrackRow(t.id(), t.name(), "MIDI", source, m.noteCount(), t.mixer().gainDb(),
                        t.mixer().pan(), t.mixer().mute(), t.mixer().solo(), drums ? -1 : m.instrument().program());
            }
            AudioTrack a = (AudioTrack) t;
            return new TrackRow(t.id(), t.name(), "Audio", a.clips().size() + " clips", a.clips().size(),
                    t.mixer().gainDb(), t.mixer().pan(), t.mixer().mute(), t.mixer().solo(), -1);
        }

        public boolean isMidi() {
            return kind.equals("MIDI");
        }
    }

    public History history() {
        return history;
    }

    public Project project() {
        return history.current();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<TrackRow> tracks() {
        return FXCollections.unmodifiableObservableList(tracks);
    }

    /** Recently opened or saved projects, most recent first, for File ▸ Open Recent. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Applies an edit as one undo step; a command that does not fit leaves the project and reports why. */
    public boolean execute(EditCommand command) {
        try {
            history.execute(command);
            return true;
        } catch (IllegalArgumentException e) {
            status.set(command.label() + " failed: " + e.getMessage());
            return false;
        }
    }

    /** Starts a gesture (a fader drag): the edits until {@link #endGesture()} undo as one step. */
    public void beginGesture(String label) {
        if (!history.inGesture()) {
            history.beginGesture(label);
        }
    }

    public void endGesture() {
        if (history.inGesture()) {
            history.endGesture();
        }
    }

    public void setGainDb(String trackId, double db) {
        double clamped = Math.max(MixerSettings.MIN_GAIN_DB, Math.min(MixerSettings.MAX_GAIN_DB, db));
        changeMixer(trackId, m -> m.withGainDb(clamped), "Volume");
    }

    public void setPan(String trackId, double pan) {
        double clamped = Math.max(-1, Math.min(1, pan));
        changeMixer(trackId, m -> m.withPan(clamped), "Pan");
    }

    public void setMute(String trackId, boolean mute) {
        changeMixer(trackId, m -> m.withMute(mute), mute ? "Mute" : "Unmute");
    }

    public void setSolo(String trackId, boolean solo) {
        changeMixer(trackId, m -> m.withSolo(solo), solo ? "Solo" : "Unsolo");
    }

    private void changeMixer(String trackId, UnaryOperator<MixerSettings> change, String label) {
        Track t = track(trackId);
        MixerSettings next = change.apply(t.mixer());
        if (!next.equals(t.mixer())) {
            execute(new SetMixer(trackId, next, label + " " + t.name()));
        }
    }

    /** Gives a MIDI track the General MIDI program {@code program} (0..127). */
    public void setProgram(String trackId, int program) {
        if (track(trackId) instanceof MidiTrack m && m.instrument().program() != program) {
            execute(new SetInstrument(trackId, m.instrument().withProgram(program)));
        }
    }

    public void rename(String trackId, String name) {
        if (!name.isBlank() && !track(trackId).name().equals(name.strip())) {
            execute(new RenameTrack(trackId, name.strip()));
        }
    }

    /** Adds an empty MIDI track (piano, on the next free channel) below the others; returns its id. */
    public String addMidiTrack() {
        Project p = project();
        String id = Ids.fresh("track", trackIds(p));
        boolean[] used = new boolean[16];
        for (Track t : p.tracks()) {
            if (t instanceof MidiTrack m) {
                used[m.instrument().channel()] = true;
            }
        }
        int channel = 0;
        while (channel < 15 && (used[channel] || channel == Instrument.DRUM_CHANNEL)) {
            channel++;
        }
        String name = "MIDI " + (countOf(p, MidiTrack.class) + 1);
        execute(new AddTrack(new MidiTrack(id, name, Instrument.PIANO.withChannel(channel), MixerSettings.UNITY,
                List.of()), p.tracks().size()));
        return id;
    }

    /** Adds an empty audio track below the others; returns its id. */
    public String addAudioTrack() {
        Project p = project();
        String id = Ids.fresh("track", trackIds(p));
        String name = "Audio " + (countOf(p, AudioTrack.class) + 1);
        execute(new AddTrack(new AudioTrack(id, name, MixerSettings.UNITY, List.of()), p.tracks().size()));
        return id;
    }

    public void removeTrack(String trackId) {
        execute(new RemoveTrack(trackId));
    }

    /** Moves a track up (negative) or down the list. */
    public void moveTrack(String trackId, int by) {
        List<Track> tracks = project().tracks();
        for (int i = 0; i < tracks.size(); i++) {
            if (tracks.get(i).id().equals(trackId)) {
                int to = Math.max(0, Math.min(tracks.size() - 1, i + by));
                if (to != i) {
                    execute(new MoveTrack(trackId, to));
                }
                return;
            }
        }
    }

    /**
     * Adds the tracks of {@code imported} (a MIDI file read as a project) below the others as one
     * edit. Into a project without tracks its tempo and meters come along too, so the notes keep
     * their timing; otherwise the notes keep their ticks under the open project's tempo.
     */
    public void importTracks(Project imported, String label) {
        Project p = project();
        Set<String> taken = trackIds(p);
        List<EditCommand> edits = new ArrayList<>();
        if (p.tracks().isEmpty()) {
            imported.tempoMap().changes().forEach(t -> edits.add(new SetTempo(t)));
            imported.timeSignatures().forEach(ts -> edits.add(new SetTimeSignature(ts)));
        }
        int index = p.tracks().size();
        for (Track t : imported.tracks()) {
            if (t instanceof MidiTrack m) {
                String id = taken.contains(m.id()) ? Ids.fresh("track", taken) : m.id();
                taken.add(id);
                edits.add(new AddTrack(new MidiTrack(id, m.name(), m.instrument(), m.mixer(), m.clips()), index++));
            }
        }
        if (index == p.tracks().size()) {
            status.set(label + ": the file has no notes to import");
            return;
        }
        if (execute(new CompoundEdit(label, edits))) {
            status.set(label + ": " + (index - p.tracks().size()) + " track(s) added");
        }
    }

    private static Set<String> trackIds(Project p) {
        Set<String> ids = new HashSet<>();
        p.tracks().forEach(t -> ids.add(t.id()));
        return ids;
    }

    private static long countOf(Project p, Class<? extends Track> kind) {
        return p.tracks().stream().filter(kind::isInstance).count();
    }

    private Track track(String trackId) {
        return project().track(trackId);
    }

    public void undo() {
        if (history.canUndo()) {
            String label = history.undoLabel();
            history.undo();
            status.set("Undid " + label);
        }
    }

    public void redo() {
        if (history.canRedo()) {
            String label = history.redoLabel();
            history.redo();
            status.set("Redid " + label);
        }
    }

    /** Replaces the open project (New, Open); the history starts afresh. */
    public void open(Project next, Path from) {
        file.set(from);
        history.reset(next);
        status.set(from == null ? "New project" : "Opened " + from.getFileName());
    }

    /**
     * Opens a project whose state is not on disk yet (work recovered after a crash, media relinked
     * after a move): it counts as unsaved changes until saved.
     */
    public void openUnsaved(Project project, Path originalFile) {
        file.set(originalFile);
        history.reset(project, false);
    }

    /** Records a successful save to {@code to}. */
    public void saved(Path to) {
        file.set(to);
        history.markSaved();
        status.set("Saved " + to.getFileName());
    }

    public void report(String message) {
        status.set(message);
    }

    private void refresh() {
        Project p = history.current();
        project.set(p);
        List<TrackRow> rows = new ArrayList<>(p.tracks().size());
        for (Track t : p.tracks()) {
            rows.add(TrackRow.of(t));
        }
        tracks.setAll(rows);
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        String name = p.name().isBlank() ? (file.get() == null ? "Untitled" : file.get().getFileName().toString()) : p.name();
        title.set((history.isDirty() ? "• " : "") + name + " — Fermata Studio");
    }
}
