package fermata.core.compose;

import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.TempoMap;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.List;

/** Converts between projects and piano rolls. */
public final class ProjectRolls {
    private static final int VELOCITY = 80;

    private ProjectRolls() {
    }

    /**
     * The roll of a project's first {@code format.tracks()} pitched MIDI tracks (drum tracks are
     * skipped: their keys are instruments, not pitches), notes of all clips on the timeline.
     */
    public static PianoRoll toRoll(Project project, RollFormat format) {
        List<List<Note>> tracks = new ArrayList<>();
        long end = 0;
        for (Track t : project.tracks()) {
            if (!(t instanceof MidiTrack m) || m.instrument().isDrums() || tracks.size() == format.tracks()) {
                continue;
            }
            List<Note> notes = new ArrayList<>();
            for (MidiClip c : m.clips()) {
                for (Note n : c.notes()) {
                    Note absolute = n.withStart(c.startTick() + n.startTick());
                    notes.add(absolute);
                    end = Math.max(end, absolute.endTick());
                }
            }
            tracks.add(notes);
        }
        return PianoRoll.fromNotes(tracks, format, PianoRoll.stepsFor(end, format));
    }

    /** A roll of one clip's notes on clip-relative ticks, as the only track. */
    public static PianoRoll toRoll(MidiClip clip, RollFormat format) {
        long end = Math.max(clip.lengthTicks(), clip.notes().stream().mapToLong(Note::endTick).max().orElse(0));
        return PianoRoll.fromNotes(List.of(clip.notes()), format, PianoRoll.stepsFor(end, format));
    }

    /** The key a project states first, or one estimated from its notes. */
    public static MusicalKey keyOf(Project project, PianoRoll roll) {
        return project.keySignatures().isEmpty() ? KeyEstimator.estimate(roll.pitchClassHistogram())
                : MusicalKey.of(project.keySignatures().get(0));
    }

    /**
     * A project with one piano track per roll track (channels 0, 1, ...), one clip each, from tick 0.
     */
    public static Project toProject(String name, PianoRoll roll, MusicalKey key, double bpm, TimeSignature meter) {
        List<Track> tracks = new ArrayList<>();
        long length = roll.steps() * roll.format().ticksPerStep();
        for (int t = 0; t < roll.format().tracks(); t++) {
            int channel = t >= Instrument.DRUM_CHANNEL ? t + 1 : t;
            List<Note> notes = roll.toNotes(t, 0, VELOCITY, channel);
            tracks.add(new MidiTrack("ai-" + (t + 1), "AI " + (t + 1), Instrument.PIANO.withChannel(channel), MixerSettings.UNITY,
                    List.of(new MidiClip("ai-clip-" + (t + 1), 0, length, notes))));
        }
        Project empty = Project.empty(name);
        return empty.withTempoMap(TempoMap.constant(bpm))
                .withTimeSignatures(List.of(new TimeSignature(0, meter.numerator(), meter.denominator())))
                .withKeySignatures(key == null ? List.of() : List.of(key.toSignature(0)))
                .withTracks(tracks);
    }
}
