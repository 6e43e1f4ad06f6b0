package fermata.core.engine;

import fermata.core.model.Instrument;
import fermata.core.model.Note;
import fermata.core.model.Project;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering tracks on several threads gives exactly the samples of the one-thread render. */
class ParallelRenderTest {
    private static final int BLOCK = 512;

    private static Project band() {
        Note[] chord = {new Note(48, 0, 1900, 100), new Note(55, 240, 1700, 90), new Note(64, 480, 1400, 80)};
        return TestSignals.project(List.of(
                TestSignals.midiTrack("piano", Instrument.PIANO, chord),
                TestSignals.midiTrack("strings", new Instrument(48, 0, 0, 1), chord),
                TestSignals.midiTrack("bass", new Instrument(33, 0, 0, 2), new Note(36, 0, 960, 110, 2)),
                TestSignals.midiTrack("drums", new Instrument(0, 0, 0, 9), new Note(36, 0, 100, 127, 9),
                        new Note(38, 960, 100, 127, 9))), List.of());
    }

    /** Twelve string tracks of six-note chords every eighth note: far more release tails than the voice limit. */
    private static Project crowd() {
        List<fermata.core.model.Track> tracks = new java.util.ArrayList<>();
        for (int t = 0; t < 12; t++) {
            List<Note> notes = new java.util.ArrayList<>();
            for (int c = 0; c < 40; c++) {
                for (int v = 0; v < 6; v++) {
                    notes.add(new Note(40 + (c * 5 + v * 7 + t) % 48, c * 240L, 200, 100, t));
                }
            }
            tracks.add(TestSignals.midiTrack("s" + t, new Instrument(48, 0, 0, t == 9 ? 10 : t), notes.toArray(Note[]::new)));
        }
        return TestSignals.project(tracks, List.of());
    }

    private static float[][] render(boolean parallel) throws Exception {
        return render(band(), b -> parallel, new int[1]);
    }

    /** Renders 200 blocks, on the workers where {@code parallelBlock} says; {@code peakVoices[0]} gets the most voices counted against the limit after a block. */
    private static float[][] render(Project project, java.util.function.IntPredicate parallelBlock, int[] peakVoices)
            throws Exception {
        MixGraph.Settings settings = new MixGraph.Settings(48_000, BLOCK, RenderOptions.DEFAULT_CEILING_DBTP,
                SoundBanks.resolve(Optional.empty()), ClipSourceProvider.NONE, SampleRateConverter.MATCHING_RATES_ONLY,
                new MeterReadings(), SynthEngine.FERMATA);
        int blocks = 200;
        float[][] all = new float[2][blocks * BLOCK];
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try (MixGraph graph = MixGraph.build(project, settings, Map.of())) {
            graph.locate(0, true);
            float[][] block = new float[2][BLOCK];
            for (int b = 0; b < blocks; b++) {
                if (parallelBlock.test(b)) {
                    graph.process((long) b * BLOCK, block, BLOCK, workers, 3);
                } else {
                    graph.process((long) b * BLOCK, block, BLOCK);
                }
                System.arraycopy(block[0], 0, all[0], b * BLOCK, BLOCK);
                System.arraycopy(block[1], 0, all[1], b * BLOCK, BLOCK);
                int voices = 0;
                for (var synth : graph.synthsByTrack().values()) {
                    voices += ((fermata.core.engine.synth.FermataSynth) synth).countedVoices();
                }
                peakVoices[0] = Math.max(peakVoices[0], voices);
            }
        } finally {
            workers.shutdownNow();
        }
        return all;
    }

    @Test
    void parallelRenderIsBitIdenticalToTheSequentialOne() throws Exception {
        float[][] sequential = render(false);
        float[][] parallel = render(true);
        float peak = 0;
        for (float x : sequential[0]) {
            peak = Math.max(peak, Math.abs(x));
        }
        assertTrue(peak > 0.05, "the band is audible, peak " + peak);
        assertArrayEquals(sequential[0], parallel[0]);
        assertArrayEquals(sequential[1], parallel[1]);
    }

    @Test
    void overTheVoiceLimitSwitchingThreadsMidRenderChangesNothing() throws Exception {
        int[] peak = new int[1];
        float[][] sequential = render(crowd(), b -> false, peak);
        // As the offline renderer does when blocks get heavier or lighter: threads on and off every 64 blocks.
        float[][] switching = render(crowd(), b -> (b / 64) % 2 == 1, new int[1]);
        assertEquals(fermata.core.engine.synth.VoiceBudget.DEFAULT_VOICES, peak[0], "the voice limit was reached and held");
        assertArrayEquals(sequential[0], switching[0]);
        assertArrayEquals(sequential[1], switching[1]);
    }
}
