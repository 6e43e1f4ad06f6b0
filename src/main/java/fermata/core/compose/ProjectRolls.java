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
        return toRoll(project, format, false);
    }

    /** The roll of all pitched MIDI tracks of a project merged into one track (the primer of a one-track model). */
    public static PianoRoll toMergedRoll(Project project, RollFormat format) {
        return toRoll(project, format, true);
    }

    private static PianoRoll toRoll(Project project, RollFormat format, boolean merge) {
        List<List<Note>> tracks = new ArrayList<>();
        long end = 0;
        for (Track t : project.tracks()) {
            if (!(t instanceof MidiTrack m) || m.instrument().isDrums() || (!merge && tracks.size() == format.tracks())) {
                continue;
            }
            if (merge && !tracks.isEmpty()) {
                notesOf(m, tracks.get(0));
                continue;
            }
            List<Note> notes = new ArrayList<>();
            notesOf(m, notes);
            tracks.add(notes);
        }
        for (List<Note> notes : tracks) {
            for (Note n : notes) {
                end = Math.max(end, n.endTick());
            }
        }
        return PianoRoll.fromNotes(tracks, format, PianoRoll.stepsFor(end, format));
    }

    private static void notesOf(MidiTrack track, List<Note> into) {
        for (MidiClip c : track.clips()) {
            for (Note n : c.notes()) {
                into.add(n.withStart(c.startTick() + n.startTick()));
            }
        }
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
     * A project with one piano track per roll track (channels 0, 1, ... skipping the drum channel),
     * one clip each, the roll's step 0 at {@code startTick}.
     */
    public static Project toProject(String name, PianoRoll roll, long startTick, MusicalKey key, double bpm, TimeSignature meter) {
        List<Track> tracks = new ArrayList<>();
        long length = roll.steps() * roll.format().ticksPerStep();
        for (int t = 0; t < roll.format().tracks(); t++) {
            int channel = t >= Instrument.DRUM_CHANNEL ? t + 1 : t;
            List<Note> notes = roll.toNotes(t, 0, VELOCITY, channel);
            tracks.add(new MidiTrack("ai-" + (t + 1), "AI " + (t + 1), Instrument.PIANO.withChannel(channel), MixerSettings.UNITY,
                    List.of(new MidiClip("ai-clip-" + (t + 1), startTick, length, notes))));
        }
        Project empty = Project.empty(name);
        return empty.withTempoMap(TempoMap.constant(bpm))
                .withTimeSignatures(List.of(new TimeSignature(0, meter.numerator(), meter.denominator())))
                .withKeySignatures(key == null ? List.of() : List.of(key.toSignature(0)))
                .withTracks(tracks);
    }
}
