package fermata.core.analysis;

import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.TempoMap;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * MIDI pieces of known key, tempo and chords, written for the analysis tests and the accuracy
 * benchmark: a cadential progression on piano, a bass, a melody from the scale and a drum kit.
 */
final class Pieces {
    static final int Q = Ppq.TICKS_PER_QUARTER;
    /** I IV V I (major) and i iv V i (harmonic minor), as scale degrees of the chord roots. */
    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 11};
    private static final int[] PROGRESSION = {0, 3, 4, 0};

    private Pieces() {
    }

    /**
     * A piece in a key: {@code bars} bars of 4/4 at {@code bpm}, the progression repeated.
     *
     * @param drums whether a kit plays kick, snare and eighth-note hats
     */
    static Project inKey(int tonic, boolean minor, double bpm, int bars, boolean drums, long seed) {
        int[] scale = minor ? MINOR_SCALE : MAJOR_SCALE;
        Random random = new Random(seed);
        List<Note> chords = new ArrayList<>();
        List<Note> bass = new ArrayList<>();
        List<Note> melody = new ArrayList<>();
        List<Note> kit = new ArrayList<>();
        int base = 48 + tonic;
        int degree = 0;
        for (int bar = 0; bar < bars; bar++) {
            long t = (long) bar * 4 * Q;
            int root = PROGRESSION[bar % PROGRESSION.length];
            int[] triad = new int[3];
            for (int i = 0; i < 3; i++) {
                int d = root + 2 * i;
                triad[i] = base + 12 + scale[d % 7] + 12 * (d / 7);
            }
            for (int beat = 0; beat < 4; beat++) {
                for (int key : triad) {
                    chords.add(new Note(key, t + (long) beat * Q, Q - 60, 70, 0));
                }
            }
            bass.add(new Note(base - 12 + scale[root], t, 2 * Q - 60, 90, 1));
            bass.add(new Note(base - 12 + scale[root], t + 2 * Q, 2 * Q - 60, 85, 1));
            for (int eighth = 0; eighth < 8; eighth++) {
                degree = eighth % 2 == 0 ? root + 2 * random.nextInt(3) : Math.max(0, Math.min(13, degree
                        + (random.nextBoolean() ? 1 : -1)));
                int key = base + 24 + scale[degree % 7] + 12 * (degree / 7);
                melody.add(new Note(key, t + (long) eighth * Q / 2, Q / 2 - 30, 80 + random.nextInt(20), 2));
            }
            if (drums) {
                for (int eighth = 0; eighth < 8; eighth++) {
                    long at = t + (long) eighth * Q / 2;
                    kit.add(new Note(42, at, Q / 4, eighth % 2 == 0 ? 70 : 50, Instrument.DRUM_CHANNEL));
                    if (eighth % 4 == 0) {
                        kit.add(new Note(36, at, Q / 4, 110, Instrument.DRUM_CHANNEL));
                    } else if (eighth % 4 == 2) {
                        kit.add(new Note(38, at, Q / 4, 100, Instrument.DRUM_CHANNEL));
                    }
                }
            }
        }
        List<Track> tracks = new ArrayList<>();
        tracks.add(track("chords", new Instrument(0, 0, 0, 0), chords));
        tracks.add(track("bass", new Instrument(33, 0, 0, 1), bass));
        tracks.add(track("melody", new Instrument(73, 0, 0, 2), melody));
        if (drums) {
            tracks.add(track("drums", new Instrument(0, 0, 0, Instrument.DRUM_CHANNEL), kit));
        }
        return Project.empty("piece").withTempoMap(TempoMap.constant(bpm)).withTracks(tracks)
                .withKeySignatures(List.of(keySignature(tonic, minor)));
    }

    /** Drum kit only: kick on one and three, snare on two and four, hats on eighths. */
    static Project drumsOnly(double bpm, int bars) {
        List<Note> kit = new ArrayList<>();
        for (int bar = 0; bar < bars; bar++) {
            for (int eighth = 0; eighth < 8; eighth++) {
                long at = (long) bar * 4 * Q + (long) eighth * Q / 2;
                kit.add(new Note(42, at, Q / 4, 60, Instrument.DRUM_CHANNEL));
                if (eighth % 4 == 0) {
                    kit.add(new Note(36, at, Q / 4, 110, Instrument.DRUM_CHANNEL));
                } else if (eighth % 4 == 2) {
                    kit.add(new Note(38, at, Q / 4, 100, Instrument.DRUM_CHANNEL));
                }
            }
        }
        return Project.empty("drums").withTempoMap(TempoMap.constant(bpm))
                .withTracks(List.of(track("drums", new Instrument(0, 0, 0, Instrument.DRUM_CHANNEL), kit)));
    }

    /** Sustained piano chords, one per {@code seconds}, each given as MIDI keys. */
    static Project chordSequence(double secondsEach, int[]... chords) {
        List<Note> notes = new ArrayList<>();
        long length = Math.round(secondsEach * 2 * Q);
        for (int i = 0; i < chords.length; i++) {
            for (int key : chords[i]) {
                notes.add(new Note(key, i * length, length - 20, 90, 0));
            }
        }
        return Project.empty("chords").withTempoMap(TempoMap.constant(120))
                .withTracks(List.of(track("piano", Instrument.PIANO, notes)));
    }

    static MidiTrack track(String id, Instrument instrument, List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Note.ORDER);
        return new MidiTrack(id, id, instrument, MixerSettings.UNITY, List.of(new MidiClip(id + "-clip", 0, 0, sorted)));
    }

    /** The key signature (sharps) whose major or minor tonic is {@code tonic}; flats from F / D minor on. */
    static KeySignature keySignature(int tonic, boolean minor) {
        int major = minor ? Math.floorMod(tonic + 3, 12) : tonic;
        int sharps = Math.floorMod(major * 7, 12);
        if (sharps > 6) {
            sharps -= 12;
        }
        return new KeySignature(0, sharps, minor);
    }
}
