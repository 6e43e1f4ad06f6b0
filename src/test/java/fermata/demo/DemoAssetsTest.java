package fermata.demo;

import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.engine.MediaClipSources;
import fermata.core.media.AudioFiles;
import fermata.core.media.DecodedAudio;
import fermata.core.mix.AutoMixer;
import fermata.core.mix.Denoiser;
import fermata.core.mix.MixPreset;
import fermata.core.mix.MixPresets;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.preset.DenoisePreset;
import fermata.core.project.LoadedProject;
import fermata.core.project.ProjectFiles;
import fermata.core.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled demo project is exactly what {@link DemoSong} builds, and opens cleanly; the demo
 * recordings ({@link DemoRecordings}) open with all their media and do what they are for. To
 * change the demo, edit DemoSong or DemoRecordings and run this test with
 * {@code -Dfermata.regenerateAssets=true} (the recordings need {@code ffmpeg} on the PATH).
 */
class DemoAssetsTest {
    private static final Path FOLDER = Path.of("assets", "demo");
    private static final Path DEMO = FOLDER.resolve("first-light.fermata");

    @BeforeAll
    static void regenerateRecordingsWhenAsked() throws Exception {
        if (Boolean.getBoolean("fermata.regenerateAssets")) {
            DemoRecordings.generate(FOLDER);
        }
    }

    @Test
    void demoProjectIsTheOneDemoSongBuilds() throws Exception {
        String expected = ProjectFiles.toJson(DemoSong.build());
        if (Boolean.getBoolean("fermata.regenerateAssets")) {
            Files.createDirectories(DEMO.getParent());
            ProjectFiles.write(DemoSong.build(), DEMO);
            Files.deleteIfExists(Path.of(DEMO + ".bak"));
        }
        assertEquals(expected, Files.readString(DEMO, StandardCharsets.UTF_8));
        LoadedProject loaded = ProjectFiles.read(DEMO);
        assertTrue(loaded.problems().isEmpty());
        assertEquals(DemoSong.build(), loaded.project());
        assertEquals(4, loaded.project().tracks().size());
    }

    /** Every medium of a demo project resolves, is unchanged since generation, and decodes to what the project says. */
    private static LoadedProject openWithMedia(String name) throws Exception {
        LoadedProject loaded = ProjectFiles.read(FOLDER.resolve(name));
        assertTrue(loaded.problems().isEmpty(), name + ": " + loaded.problems());
        for (MediaRef media : loaded.project().media()) {
            DecodedAudio audio = AudioFiles.readAll(loaded.mediaFile(media), 60);
            assertEquals(media.frames(), audio.frames(), media.path());
            assertEquals(media.sampleRate(), audio.sampleRate(), media.path());
            assertEquals(media.channels(), audio.samples().length, media.path());
            assertTrue(rms(audio.samples()[0]) > 0.005, media.path() + " is not silent");
        }
        return loaded;
    }

    private static double rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / x.length);
    }

    private static double snrDb(float[] clean, float[] test) {
        double signal = 0;
        double error = 0;
        for (int i = 0; i < clean.length; i++) {
            signal += (double) clean[i] * clean[i];
            double e = test[i] - clean[i];
            error += e * e;
        }
        return 10 * Math.log10(signal / error);
    }

    @Test
    void theDemoRecordingsAreSmall() throws Exception {
        long bytes;
        try (Stream<Path> files = Files.walk(FOLDER)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertTrue(bytes < 10_000_000, "assets/demo holds " + bytes + " bytes");
    }

    @Test
    void automixOfTheDemoStemsMeetsThePresetLoudness(@TempDir Path cache) throws Exception {
        LoadedProject loaded = openWithMedia(DemoRecordings.STEMS_PROJECT);
        assertEquals(4, loaded.project().tracks().size());
        assertTrue(loaded.project().tracks().stream().allMatch(t -> t instanceof AudioTrack));
        MediaClipSources media = new MediaClipSources(loaded::mediaFile, cache);
        var stems = fermata.core.mix.ProjectStems.render(loaded.project(), media, media, Progress.NONE);
        assertEquals(4, stems.size());
        MixPreset streaming = MixPresets.builtIn("streaming");
        AutoMixer.Result result = AutoMixer.mix(stems, AutoMixer.Options.of(streaming), Progress.NONE);
        LoudnessResult measured = LoudnessMeter.measure(result.mix(), result.sampleRate());
        assertEquals(streaming.integratedLufs(), measured.integratedLufs(), 0.5);
        assertTrue(measured.truePeakDbtp() <= streaming.truePeakDbtp(), "true peak " + measured.truePeakDbtp());
    }

    @Test
    void theNoisyTakeIsTheCleanRenderPlusKnownNoiseAndDenoisingImprovesItsSnr() throws Exception {
        LoadedProject loaded = openWithMedia(DemoRecordings.NOISY_PROJECT);
        float[] take = AudioFiles.readAll(loaded.mediaFile(loaded.project().mediaById("take").orElseThrow()), 60).samples()[0];
        float[] clean = AudioFiles.readAll(loaded.mediaFile(loaded.project().mediaById("clean").orElseThrow()), 60).samples()[0];
        float[] noiseOnly = DemoRecordings.addNoiseAndHum(new float[clean.length]);
        double worst = 0;
        for (int i = 0; i < take.length; i++) {
            worst = Math.max(worst, Math.abs(take[i] - clean[i] - noiseOnly[i]));
        }
        assertTrue(worst < 3.0 / 32768, "the take is the reference plus the generated noise and hum, to 16 bits: " + worst);

        double before = snrDb(clean, take);
        Denoiser.Result cleaned = Denoiser.denoise(new float[][] {take}, DemoRecordings.RATE, null,
                DenoisePreset.LIBRARY.builtIn("gentle").settings(), Progress.NONE);
        double after = snrDb(clean, cleaned.samples()[0]);
        assertEquals(50.0, cleaned.report().humHz().orElseThrow(), 0.5, "the 50 Hz hum is found");
        assertTrue(after > before + 6, "denoising raises the SNR by more than 6 dB: " + before + " -> " + after + " dB");
    }
}
