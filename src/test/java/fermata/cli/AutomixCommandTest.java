package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.media.AudioFiles;
import fermata.core.media.DecodedAudio;
import fermata.core.media.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutomixCommandTest {
    private static Path wav(Path dir, String name, int rate, float[] x) throws Exception {
        Path file = dir.resolve(name);
        try (WavWriter w = WavWriter.create(file, rate, 1, WavWriter.Encoding.FLOAT_32)) {
            w.write(new float[][] {x}, 0, x.length);
            w.commit();
        }
        return file;
    }

    /** A kick on every beat, a sine bass, and a harmonic melody at 48 kHz (resampled to the first stem's 44.1 kHz). */
    private static Path[] stems(Path dir) throws Exception {
        int rate = 44_100;
        float[] kick = new float[rate * 4];
        for (int beat = 0; beat < 8; beat++) {
            for (int i = 0; i < rate / 3; i++) {
                double t = (double) i / rate;
                kick[beat * rate / 2 + i] = (float) (0.9 * Math.exp(-t / 0.07) * Math.sin(2 * Math.PI * 55 * t));
            }
        }
        float[] bass = new float[rate * 4];
        for (int i = 0; i < bass.length; i++) {
            bass[i] = (float) (0.3 * Math.sin(2 * Math.PI * (i < rate * 2 ? 55 : 73.4) * i / rate));
        }
        float[] melody = new float[48_000 * 4];
        for (int i = 0; i < melody.length; i++) {
            double f = (i / 24_000) % 2 == 0 ? 440 : 523.25;
            double sum = 0;
            for (int h = 1; h <= 5; h++) {
                sum += Math.sin(2 * Math.PI * h * f * i / 48_000) / (h * h);
            }
            melody[i] = (float) (0.02 * sum);
        }
        return new Path[] {wav(dir, "01.wav", rate, kick), wav(dir, "bass.wav", rate, bass), wav(dir, "melody.wav", 48_000, melody)};
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        return FermataCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void mixesStemsToThePresetAndReportsEveryDecision(@TempDir Path dir) throws Exception {
        Path[] stems = stems(dir);
        Path mix = dir.resolve("mix.wav");
        Path report = dir.resolve("report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "automix", stems[0].toString(), stems[1].toString(), stems[2].toString(), "-o",
                mix.toString(), "--preset", "ebu-r128", "--report", report.toString(), "--role", "melody.wav=lead", "--json");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals(json, new ObjectMapper().readTree(out.toString()), "--json prints the report");
        assertEquals("ebu-r128", json.get("preset").asText());
        JsonNode first = json.get("stems").get(0);
        assertEquals("drums", first.get("role").asText(), first.toString());
        assertEquals("bass", json.get("stems").get(1).get("role").asText());
        assertEquals("lead", json.get("stems").get(2).get("role").asText());
        assertEquals("set by the user", json.get("stems").get(2).get("role_reason").asText());
        for (JsonNode stem : json.get("stems")) {
            assertTrue(stem.has("gain_db") && stem.has("pan") && stem.get("eq").isArray() && stem.get("compressor").isObject(),
                    stem.toString());
        }
        DecodedAudio written = AudioFiles.readAll(mix, 60);
        assertEquals(44_100, written.sampleRate());
        LoudnessResult measured = LoudnessMeter.measure(written.samples(), written.sampleRate());
        assertEquals(-23, measured.integratedLufs(), 0.5);
        assertEquals(measured.integratedLufs(), json.get("master").get("integrated_lufs").asDouble(), 0.05);
        assertTrue(json.get("master").get("true_peak_dbtp").asDouble() <= -1.0);
    }

    @Test
    void anUnknownPresetOrRoleIsBadInput(@TempDir Path dir) throws Exception {
        Path[] stems = stems(dir);
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "automix", stems[0].toString(), "-o", dir.resolve("m.wav").toString(),
                "--preset", "radio-gaga");
        assertEquals(FermataCommand.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().contains("streaming"), "lists the presets: " + err);
        StringWriter err2 = new StringWriter();
        code = run(new StringWriter(), err2, "automix", stems[0].toString(), "-o", dir.resolve("m.wav").toString(),
                "--role", "1=tuba");
        assertEquals(FermataCommand.EXIT_BAD_INPUT, code);
        assertTrue(err2.toString().contains("drums, bass, lead"), err2.toString());
    }
}
