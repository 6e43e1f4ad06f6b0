package fermata.demo;

import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TempoMap;
import fermata.core.model.TimeSignature;

import java.util.ArrayList;
import java.util.List;

/**
 * "First Light", the demo song bundled in assets/demo: 20 bars in C major at 100 BPM (slowing to
 * 88 for the last two bars) for piano, bass, flute and drums: four bars of accompaniment, then an
 * eight-bar flute melody, played again an octave higher. Written here note by note so that
 * the asset is our own work, reproducible, and checked by {@link DemoAssetsTest}.
 */
public final class DemoSong {
    private static final int Q = Ppq.TICKS_PER_QUARTER;
    private static final int BAR = 4 * Q;
    private static final int BARS = 20;
    private static final int[][] CHORDS = {
        {48, 52, 55, 60}, {45, 52, 57, 60}, {41, 53, 57, 60}, {43, 50, 55, 59},
    };
    private static final int[] ROOTS = {36, 33, 29, 31};
    private static final int[][] MELODY = {
        {72, 0, 2}, {74, 2, 1}, {76, 3, 1}, {76, 4, 2}, {74, 6, 1}, {72, 7, 1},
        {69, 8, 2}, {72, 10, 2}, {77, 12, 2}, {76, 14, 1}, {74, 15, 1},
        {74, 16, 3}, {71, 19, 1}, {72, 20, 4}, {67, 28, 2}, {71, 30, 2},
    };

    private DemoSong() {
    }

    public static Project build() {
        List<Note> piano = new ArrayList<>();
        List<Note> bass = new ArrayList<>();
        List<Note> flute = new ArrayList<>();
        List<Note> drums = new ArrayList<>();
        for (int bar = 0; bar < BARS; bar++) {
            int chord = bar % 4;
            long start = (long) bar * BAR;
            for (int pitch : CHORDS[chord]) {
                piano.add(new Note(pitch, start, 2L * Q - 60, 72, 0));
                piano.add(new Note(pitch, start + 2L * Q, 2L * Q - 60, 64, 0));
            }
            int root = ROOTS[chord];
            bass.add(new Note(root, start, Q + Q / 2, 96, 1));
            bass.add(new Note(root, start + Q + Q / 2, Q / 2, 84, 1));
            bass.add(new Note(root + 7, start + 2L * Q, Q, 88, 1));
            bass.add(new Note(root + 12, start + 3L * Q, Q, 80, 1));
            for (int beat = 0; beat < 4; beat++) {
                long b = start + (long) beat * Q;
                drums.add(new Note(beat % 2 == 0 ? 36 : 38, b, Q / 4, beat % 2 == 0 ? 110 : 96, 9));
                drums.add(new Note(42, b, Q / 4, 70, 9));
                drums.add(new Note(42, b + Q / 2, Q / 4, 52, 9));
            }
        }
        for (int half = 0; half < 2; half++) {
            long offset = half * 8L * BAR + 4L * BAR;
            for (int[] m : MELODY) {
                int pitch = half == 1 ? m[0] + 12 : m[0];
                flute.add(new Note(pitch, offset + (long) m[1] * Q, (long) m[2] * Q - 30, 90, 2));
            }
        }
        long length = (long) BARS * BAR;
        return new Project("First Light", 48_000,
                new TempoMap(List.of(Tempo.ofBpm(0, 100), Tempo.ofBpm((BARS - 2L) * BAR, 88))),
                List.of(TimeSignature.COMMON), List.of(new KeySignature(0, 0, false)),
                List.of(track("piano", "Piano", new Instrument(0, 0, 0, 0), -4, -0.15, piano, length),
                        track("bass", "Bass", new Instrument(33, 0, 0, 1), -2, 0, bass, length),
                        track("flute", "Flute", new Instrument(73, 0, 0, 2), -3, 0.2, flute, length),
                        track("drums", "Drums", new Instrument(0, 0, 0, 9), -5, 0, drums, length)),
                List.of(), MixerSettings.UNITY);
    }

    private static MidiTrack track(String id, String name, Instrument instrument, double gainDb, double pan,
                                   List<Note> notes, long length) {
        return new MidiTrack(id, name, instrument, MixerSettings.UNITY.withGainDb(gainDb).withPan(pan),
                List.of(new MidiClip(id + "-clip", 0, length, notes)));
    }
}
