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

    private static float[][] render(boolean parallel) throws Exception {
        MixGraph.Settings settings = new MixGraph.Settings(48_000, BLOCK, RenderOptions.DEFAULT_CEILING_DBTP,
                SoundBanks.resolve(Optional.empty()), ClipSourceProvider.NONE, SampleRateConverter.MATCHING_RATES_ONLY,
                new MeterReadings(), SynthEngine.FERMATA);
        int blocks = 200;
        float[][] all = new float[2][blocks * BLOCK];
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try (MixGraph graph = MixGraph.build(band(), settings, Map.of())) {
            graph.locate(0, true);
            float[][] block = new float[2][BLOCK];
            for (int b = 0; b < blocks; b++) {
                if (parallel) {
                    graph.process((long) b * BLOCK, block, BLOCK, workers, 3);
                } else {
                    graph.process((long) b * BLOCK, block, BLOCK);
                }
                System.arraycopy(block[0], 0, all[0], b * BLOCK, BLOCK);
                System.arraycopy(block[1], 0, all[1], b * BLOCK, BLOCK);
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
}
