package fermata.core.compose;

import fermata.core.model.Note;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a one-track roll's chords into voices by pitch order, so a chorale comes out as soprano, alto, tenor and bass. */
public final class Voices {
    private Voices() {
    }

    /**
     * A roll with {@code voices} tracks: at each step the highest sounding pitch goes to track 0 and
     * the lowest to the last track; pitches in between spread evenly over the middle tracks. A note
     * held across steps stays one note when it keeps its voice.
     */
    public static PianoRoll split(PianoRoll roll, int voices) {
        RollFormat in = roll.format();
        if (in.tracks() != 1) {
            throw new IllegalArgumentException("only a one-track roll splits into voices");
        }
        RollFormat out = new RollFormat(in.stepsPerBeat(), in.lowPitch(), in.pitchCount(), voices, in.onsets());
        List<List<Note>> tracks = new ArrayList<>();
        for (int v = 0; v < voices; v++) {
            tracks.add(new ArrayList<>());
        }
        long tps = in.ticksPerStep();
        int[] voiceOf = new int[in.pitchCount()];
        int[] noteStart = new int[in.pitchCount()];
        int[] previousVoice = new int[in.pitchCount()];
        Arrays.fill(previousVoice, -1);
        for (int t = 0; t <= roll.steps(); t++) {
            List<Integer> sounding = t < roll.steps() ? roll.soundingPitches(0, t) : List.of();
            Arrays.fill(voiceOf, -1);
            int n = sounding.size();
            for (int r = 0; r < n; r++) {
                int pitch = sounding.get(n - 1 - r);
                voiceOf[pitch - in.lowPitch()] = n == 1 ? 0 : (int) Math.round((double) r * (voices - 1) / (n - 1));
            }
            for (int p = 0; p < in.pitchCount(); p++) {
                int pitch = in.lowPitch() + p;
                boolean continues = voiceOf[p] >= 0 && voiceOf[p] == previousVoice[p] && !roll.isOnset(0, t, pitch);
                if (previousVoice[p] >= 0 && !continues) {
                    tracks.get(previousVoice[p]).add(new Note(pitch, noteStart[p] * tps, (t - noteStart[p]) * tps, 80, 0));
                }
                if (voiceOf[p] >= 0 && !continues) {
                    noteStart[p] = t;
                }
                previousVoice[p] = voiceOf[p];
            }
        }
        return PianoRoll.fromNotes(tracks, out, roll.steps());
    }
}
