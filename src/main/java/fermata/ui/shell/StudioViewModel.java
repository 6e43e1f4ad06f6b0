package fermata.ui.shell;

import fermata.core.edit.EditCommand;
import fermata.core.edit.History;
import fermata.core.model.AudioTrack;
import fermata.core.model.GeneralMidi;
import fermata.core.model.MidiTrack;
import fermata.core.model.Project;
import fermata.core.model.Track;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    public StudioViewModel(Project initial, Path initialFile) {
        history = new History(initial);
        file.set(initialFile);
        history.addListener(h -> refresh());
        refresh();
    }

    /** One line of the track list. */
    public record TrackRow(String id, String name, String kind, String source, int items, double gainDb, double pan,
                           boolean mute, boolean solo) {
        static TrackRow of(Track t) {
            if (t instanceof MidiTrack m) {
                String source = m.instrument().isDrums() ? "Drums" : GeneralMidi.name(m.instrument().program());
                return new TrackRow(t.id(), t.name(), "MIDI", source, m.noteCount(), t.mixer().gainDb(),
                        t.mixer().pan(), t.mixer().mute(), t.mixer().solo());
            }
            AudioTrack a = (AudioTrack) t;
            return new TrackRow(t.id(), t.name(), "Audio", a.clips().size() + " clips", a.clips().size(),
                    t.mixer().gainDb(), t.mixer().pan(), t.mixer().mute(), t.mixer().solo());
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
