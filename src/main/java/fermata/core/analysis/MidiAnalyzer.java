package fermata.core.analysis;

import fermata.core.analysis.rhythm.TempoEstimate;
import fermata.core.analysis.tonal.ChordRecognizer;
import fermata.core.analysis.tonal.Chromagram;
import fermata.core.analysis.tonal.KeyDetector;
import fermata.core.analysis.tonal.PitchClass;
import fermata.core.analysis.tonal.TonalReport;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.TempoMap;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Key, chords, tempo, range and density from MIDI notes, in the same types as the audio analysis.
 * The notes are turned into a chromagram directly (each note adds its velocity-weighted duration
 * to its pitch class, the lowest sounding note to the bass), so the key and chord code is shared
 * with audio and needs no tuning or spectral peaks. Drums (General MIDI channel 10) are left out.
 */
public final class MidiAnalyzer {
    /** Chromagram frames of 100 ms: finer than any chord change, coarse enough to stay small. */
    static final double FRAME_SECONDS = 0.1;
    private static final int DRUM_CHANNEL = 9;

    /**
     * @param range lowest and highest pitch, MIDI keys and names ("C2", "G5"); -1 and "" without notes
     * @param notesPerSecond note onsets per second over the duration
     * @param beats the quarter-note beats of the tempo map that start before the end, in seconds
     */
    public record Result(TonalReport tonal, TempoEstimate tempo, int lowestKey, int highestKey, String lowestNote,
                         String highestNote, int noteCount, double durationSeconds, double notesPerSecond,
                         List<Double> beats) {
        public Result {
            beats = List.copyOf(beats);
        }
    }

    /** A note at an absolute tick (clip offset already added). */
    public record PlacedNote(long startTick, Note note) {
    }

    private MidiAnalyzer() {
    }

    public static Result analyze(Project project) {
        List<PlacedNote> notes = new ArrayList<>();
        for (Track t : project.tracks()) {
            if (t instanceof MidiTrack m) {
                for (MidiClip c : m.clips()) {
                    for (Note n : c.notes()) {
                        notes.add(new PlacedNote(c.startTick() + n.startTick(), n));
                    }
                }
            }
        }
        return analyze(notes, project.tempoMap());
    }

    public static Result analyze(List<PlacedNote> placed, TempoMap tempoMap) {
        List<double[]> spans = new ArrayList<>();
        int lowest = 128;
        int highest = -1;
        double end = 0;
        for (PlacedNote p : placed) {
            Note n = p.note();
            if (n.channel() == DRUM_CHANNEL) {
                continue;
            }
            double on = tempoMap.seconds(p.startTick());
            double off = tempoMap.seconds(p.startTick() + n.lengthTicks());
            spans.add(new double[] {on, off, n.pitch(), n.velocity()});
            lowest = Math.min(lowest, n.pitch());
            highest = Math.max(highest, n.pitch());
            end = Math.max(end, off);
        }
        int frames = Math.max(1, (int) Math.ceil(end / FRAME_SECONDS));
        double[][] chroma = new double[frames][12];
        double[][] bass = new double[frames][12];
        int[] lowestInFrame = new int[frames];
        Arrays.fill(lowestInFrame, 128);
        for (double[] s : spans) {
            int pitch = (int) s[2];
            int first = (int) Math.floor(s[0] / FRAME_SECONDS);
            int last = Math.min(frames - 1, (int) Math.ceil(s[1] / FRAME_SECONDS) - 1);
            for (int f = first; f <= last; f++) {
                double overlap = Math.min(s[1], (f + 1) * FRAME_SECONDS) - Math.max(s[0], f * FRAME_SECONDS);
                if (overlap > 0) {
                    chroma[f][pitch % 12] += overlap * s[3];
                    lowestInFrame[f] = Math.min(lowestInFrame[f], pitch);
                }
            }
        }
        for (int f = 0; f < frames; f++) {
            if (lowestInFrame[f] < 128) {
                bass[f][lowestInFrame[f] % 12] = 1;
            }
        }
        Chromagram chromagram = new Chromagram(chroma, chroma, bass, FRAME_SECONDS, 0, 0);
        TonalReport tonal = new TonalReport(KeyDetector.estimate(chromagram.total()),
                KeyDetector.segments(chromagram, end),
                ChordRecognizer.recognize(chromagram, end), 0);
        int count = spans.size();
        return new Result(tonal, new TempoEstimate(averageBpm(tempoMap, end), 1), count == 0 ? -1 : lowest,
                count == 0 ? -1 : highest, count == 0 ? "" : PitchClass.noteName(lowest),
                count == 0 ? "" : PitchClass.noteName(highest), count, end, end > 0 ? count / end : 0,
                beats(tempoMap, end));
    }

    private static List<Double> beats(TempoMap map, double endSeconds) {
        List<Double> out = new ArrayList<>();
        for (long tick = 0; map.seconds(tick) < endSeconds - 1e-9; tick += Ppq.TICKS_PER_QUARTER) {
            out.add(map.seconds(tick));
        }
        return out;
    }

    /** Beats over minutes up to the end: the tempo a listener counts, whatever the changes. */
    private static double averageBpm(TempoMap map, double endSeconds) {
        if (endSeconds <= 0) {
            return map.changes().get(0).bpm();
        }
        double beats = map.tick(endSeconds) / Ppq.TICKS_PER_QUARTER;
        return beats / (endSeconds / 60);
    }
}
