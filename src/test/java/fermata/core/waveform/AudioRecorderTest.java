package fermata.core.waveform;

import fermata.core.engine.AudioTrackReader;
import fermata.core.media.AudioFiles;
import fermata.core.model.AudioTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.task.CancelledException;
import fermata.core.task.CancelledProgress;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recording from a generated input stream: the take holds exactly what the input gave, placed where asked. */
class AudioRecorderTest {
    private static final int RATE = 48_000;

    @TempDir
    Path dir;

    /** A stereo sine delivered in uneven blocks, like a device; ends after {@code total} frames (-1: never). */
    private static final class GeneratedInput implements AudioInput {
        private final long total;
        private final Runnable atHalf;
        private long position;
        private int calls;
        boolean closed;

        GeneratedInput(long total, Runnable atHalf) {
            this.total = total;
            this.atHalf = atHalf;
        }

        static float sample(int channel, long frame) {
            return (float) ((channel == 0 ? 0.5 : -0.25) * Math.sin(2 * Math.PI * 440 * frame / RATE));
        }

        @Override
        public int sampleRate() {
            return RATE;
        }

        @Override
        public int channels() {
            return 2;
        }

        @Override
        public int read(float[][] dest, int maxFrames) {
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(Math.min(maxFrames, 100 + 37 * (calls++ % 20)), total - position);
            for (int i = 0; i < n; i++) {
                dest[0][i] = sample(0, position + i);
                dest[1][i] = sample(1, position + i);
            }
            position += n;
            if (atHalf != null && position >= total / 2) {
                atHalf.run();
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aTakeHoldsExactlyWhatTheInputGave() throws Exception {
        GeneratedInput input = new GeneratedInput(RATE, null);
        AudioRecorder.Take take = new AudioRecorder().record(input, dir.resolve("takes"), 4800, Progress.NONE);
        assertTrue(input.closed);
        float[][] recorded = AudioFiles.readAll(take.file(), 10).samples();
        assertEquals(RATE, recorded[0].length);
        for (int i = 0; i < RATE; i++) {
            assertEquals(GeneratedInput.sample(0, i), recorded[0][i]);
            assertEquals(GeneratedInput.sample(1, i), recorded[1][i]);
        }
        Project p = Project.empty("rec").withTracks(List.of(new AudioTrack("t", "Vox", MixerSettings.UNITY, List.of())));
        Project withTake = take.command("t").apply(p);
        var sources = new WaveformSources(dir.resolve("peaks"), dir.resolve("cache"));
        AudioTrackReader reader = sources.reader(withTake, "t");
        float[][] played = reader.read(4800, 4800 + RATE);
        assertArrayEquals(recorded[0], played[0], "the clip plays the take from the record position");
        assertEquals(0f, reader.read(4799, 4800)[0][0]);
    }

    @Test
    void stopKeepsWhatWasRecorded() throws Exception {
        AudioRecorder recorder = new AudioRecorder();
        GeneratedInput input = new GeneratedInput(2L * RATE, recorder::stop);
        AudioRecorder.Take take = recorder.record(input, dir, 0, Progress.NONE);
        long frames = take.media().frames();
        assertTrue(frames >= RATE && frames < 2L * RATE, "stopped half-way: " + frames);
        assertEquals(frames, AudioFiles.probe(take.file()).frames());
        assertTrue(input.closed);
    }

    @Test
    void cancellingDiscardsTheTake() throws Exception {
        Path folder = dir.resolve("cancelled");
        Progress cancelled = CancelledProgress.INSTANCE;
        assertThrows(CancelledException.class,
                () -> new AudioRecorder().record(new GeneratedInput(RATE, null), folder, 0, cancelled));
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count(), "no file is left behind");
        }
    }
}
