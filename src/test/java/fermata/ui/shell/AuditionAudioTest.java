package fermata.ui.shell;

import fermata.core.engine.AudioSink;
import fermata.core.engine.MediaClipSources;
import fermata.core.engine.OfflineRenderer;
import fermata.core.engine.RenderOptions;
import fermata.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditionAudioTest {
    @TempDir
    Path dir;

    /** The throw-away project plays back exactly the samples it was given (a -12 dBFS 440 Hz tone). */
    @Test
    void theAuditionProjectPlaysTheRenderedSamples() throws Exception {
        int rate = 48_000;
        float[][] tone = new float[2][rate / 2];
        for (int i = 0; i < tone[0].length; i++) {
            tone[0][i] = tone[1][i] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        Project song = Project.empty("Song");
        Project audition = AuditionAudio.write(dir, "A", tone, rate, song);
        assertEquals(1, audition.tracks().size());
        MediaClipSources media = new MediaClipSources(ref -> Path.of(ref.path()), dir.resolve("cache"));
        float[][] heard = new float[2][tone[0].length];
        int[] at = {0};
        new OfflineRenderer(media, media).render(audition,
                RenderOptions.defaults().withTailSeconds(0).withCeilingDbtp(RenderOptions.LIMITER_OFF),
                new AudioSink() {
                    @Override public void begin(int sampleRate, int channels, long totalFrames) { }
                    @Override public void write(float[][] planar, int frames) {
                        int n = Math.min(frames, heard[0].length - at[0]);
                        for (int c = 0; c < 2; c++) {
                            System.arraycopy(planar[c], 0, heard[c], at[0], Math.max(0, n));
                        }
                        at[0] += Math.max(0, n);
                    }
                    @Override public void close() { }
                }, (f, m) -> { }, () -> false);
        for (int i = 0; i < tone[0].length; i += 997) {
            // A centred track through the -3 dB pan law.
            assertEquals(tone[0][i] * Math.sqrt(0.5), heard[0][i], 1e-4, "frame " + i);
        }
    }
}
