package fermata.core.engine;

import fermata.core.media.WavWriter;
import fermata.core.model.AudioClip;
import fermata.core.model.MediaRef;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.project.MediaHashCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audio clips play from real files: WAV mapped directly, other rates resampled once into the cache. */
class MediaClipSourcesTest {
    @TempDir
    Path dir;

    private Path sineWav(int rate, double hz, double seconds) throws Exception {
        Path file = dir.resolve("sine-" + rate + ".wav");
        int frames = (int) (rate * seconds);
        float[][] samples = new float[1][frames];
        for (int i = 0; i < frames; i++) {
            samples[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        try (WavWriter w = WavWriter.create(file, rate, 1, WavWriter.Encoding.FLOAT_32)) {
            w.write(samples, 0, frames);
            w.commit();
        }
        return file;
    }

    @Test
    void aClipAtAnotherRateIsResampledToTheEngineRateAndKeepsItsPitch() throws Exception {
        Path wav = sineWav(44_100, 1000, 1.0);
        MediaRef media = new MediaRef("m", wav.getFileName().toString(), MediaHashCache.digest(wav), 44_100, 44_100, 1);
        Project project = TestSignals.project(List.of(TestSignals.audioTrack("a", MixerSettings.UNITY,
                new AudioClip("c", "m", 0, 44_100))), List.of(media));
        Path cache = dir.resolve("cache");
        MediaClipSources sources = new MediaClipSources(ref -> dir.resolve(ref.path()), cache);
        TestSignals.MemorySink sink = new TestSignals.MemorySink();
        new OfflineRenderer(sources, sources).render(project, TestSignals.options(0).withSampleRate(48_000), sink,
                ProgressListener.NONE, TestSignals.NEVER);

        float[] left = sink.channel(0);
        assertEquals(48_000, sink.sampleRate);
        assertEquals(1000, fermata.core.media.Spectra.peakFrequency(left, 4_800, 32_768, 48_000), 2.0);
        double rms = 0;
        for (int i = 4_800; i < 40_000; i++) {
            rms += left[i] * left[i];
        }
        rms = Math.sqrt(rms / (40_000 - 4_800));
        double expected = 0.5 / Math.sqrt(2) * Math.pow(10, -3.0103 / 20);
        assertEquals(expected, rms, expected * 0.02, "the -3 dB pan law at centre, no level lost in resampling");
        assertTrue(Files.isRegularFile(cache.resolve(media.sha256() + "-48000.wav")), "the resampled copy is cached");
    }

    @Test
    void readsOutsideTheFileAreSilent() throws Exception {
        Path wav = sineWav(48_000, 440, 0.01);
        MediaRef media = new MediaRef("m", wav.getFileName().toString(), MediaHashCache.digest(wav), 480, 48_000, 1);
        ClipSource source = new MediaClipSources(ref -> dir.resolve(ref.path()), dir.resolve("cache")).open(media);
        float[][] out = {new float[1000]};
        java.util.Arrays.fill(out[0], 7f);
        source.read(-100, out, 0, 1000);
        assertEquals(0f, out[0][0]);
        assertEquals(0f, out[0][99]);
        assertTrue(out[0][101] != 7f);
        assertEquals(0f, out[0][100 + 480]);
        assertEquals(0f, out[0][999]);
    }
}
