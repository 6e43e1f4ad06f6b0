package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.media.AudioFiles;
import fermata.core.media.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenoiseCommandTest {
    private static final int RATE = 44_100;

    /** A 3 s 440 Hz tone in the middle second, white noise throughout, 50 Hz hum. */
    private static Path noisyWav(Path dir, String name, boolean withTone) throws Exception {
        float[][] x = new float[1][RATE * 3];
        Random random = new Random(3);
        for (int i = 0; i < x[0].length; i++) {
            double tone = withTone && i > RATE && i < 2 * RATE ? 0.3 * Math.sin(2 * Math.PI * 440 * i / RATE) : 0;
            x[0][i] = (float) (tone + 0.02 * random.nextGaussian() + 0.05 * Math.sin(2 * Math.PI * 50 * i / RATE));
        }
        Path file = dir.resolve(name);
        try (WavWriter w = WavWriter.create(file, RATE, 1, WavWriter.Encoding.FLOAT_32)) {
            w.write(x, 0, x[0].length);
            w.commit();
        }
        return file;
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        return FermataCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void denoisesAFileAndReportsTheHum(@TempDir Path dir) throws Exception {
        Path in = noisyWav(dir, "in.wav", true);
        Path noise = noisyWav(dir, "noise.wav", false);
        Path outFile = dir.resolve("out.wav");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "denoise", in.toString(), "-o", outFile.toString(), "--profile", noise.toString(),
                "--reduction-db", "30", "--json");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(50.0, json.get("hum_hz").asDouble(), 0.1);
        assertEquals("noise sample", json.get("noise_profile").asText());
        float[] cleaned = AudioFiles.readAll(outFile, 10).samples()[0];
        double quiet = 0;
        for (int i = RATE / 4; i < RATE * 3 / 4; i++) {
            quiet += cleaned[i] * cleaned[i];
        }
        double rms = Math.sqrt(quiet / (RATE / 2.0));
        assertTrue(rms < 0.005, "the noise-only part is quiet after denoising: rms " + rms);
        assertTrue(err.toString().contains("%"), "progress on stderr");
    }

    @Test
    void aPresetSetsTheOptionsAndExplicitOnesOverrideIt(@TempDir Path dir) throws Exception {
        Path in = noisyWav(dir, "in.wav", true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "denoise", in.toString(), "-o", dir.resolve("a.wav").toString(), "--preset", "vinyl",
                "--reduction-db", "20", "--json");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("vinyl", json.get("preset").asText());
        assertEquals("spectral_gate", json.get("method").asText(), "the preset's method");
        assertEquals(6.0, json.get("sensitivity_db").asDouble(), "the preset's sensitivity");
        assertTrue(json.get("remove_clicks").asBoolean(), "the preset repairs clicks");
        assertEquals(20.0, json.get("reduction_db").asDouble(), "--reduction-db overrides the preset's 12");

        StringWriter humOut = new StringWriter();
        assertEquals(0, run(humOut, new StringWriter(), "denoise", in.toString(), "-o", dir.resolve("h.wav").toString(),
                "--preset", "hum-only", "--json"));
        JsonNode hum = new ObjectMapper().readTree(humOut.toString());
        assertEquals(50.0, hum.get("hum_hz").asDouble(), 0.1);
        float[] humless = AudioFiles.readAll(dir.resolve("h.wav"), 10).samples()[0];
        double quiet = 0;
        for (int i = RATE / 4; i < RATE * 3 / 4; i++) {
            quiet += humless[i] * humless[i];
        }
        double rms = Math.sqrt(quiet / (RATE / 2.0));
        assertEquals(0.02, rms, 0.004, "hum gone, the 0.02 white noise left alone: rms " + rms);
    }

    @Test
    void anUnknownPresetIsBadInputListingTheNames(@TempDir Path dir) throws Exception {
        Path in = noisyWav(dir, "in.wav", true);
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "denoise", in.toString(), "-o", dir.resolve("o.wav").toString(),
                "--preset", "magic");
        assertEquals(FermataCommand.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().contains("magic") && err.toString().contains("standard, gentle, voice, strong, hum-only, vinyl"),
                err.toString());
        assertTrue(Files.notExists(dir.resolve("o.wav")));
    }

    @Test
    void refusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Path in = noisyWav(dir, "in.wav", true);
        Path existing = Files.writeString(dir.resolve("out.wav"), "keep me");
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "denoise", in.toString(), "-o", existing.toString());
        assertEquals(FermataCommand.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().contains("--force"), err.toString());
        assertEquals("keep me", Files.readString(existing));
    }

    @Test
    void aProfileAtAnotherRateIsBadInput(@TempDir Path dir) throws Exception {
        Path in = noisyWav(dir, "in.wav", true);
        Path noise = dir.resolve("noise48.wav");
        try (WavWriter w = WavWriter.create(noise, 48_000, 1, WavWriter.Encoding.PCM_16)) {
            w.write(new float[1][48_000], 0, 48_000);
            w.commit();
        }
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "denoise", in.toString(), "-o", dir.resolve("o.wav").toString(),
                "--profile", noise.toString());
        assertEquals(FermataCommand.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().contains("48000 Hz") && err.toString().contains("fermata convert"), err.toString());
    }
}
