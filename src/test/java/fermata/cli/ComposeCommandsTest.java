package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.compose.ComputeBackend;
import fermata.core.midi.MidiFiles;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static fermata.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposeCommandsTest {
    @TempDir
    static Path dir;
    static Path dataset;
    static Path model;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        // Tiny models gain nothing from threads, and spinning workers crawl on a busy machine.
        ComputeBackend.limitThreads(1);
        StringBuilder json = new StringBuilder("{");
        String[] splits = {"train", "valid", "test"};
        for (int s = 0; s < splits.length; s++) {
            json.append(s == 0 ? "" : ",").append('"').append(splits[s]).append("\":[");
            for (int piece = 0; piece < 3; piece++) {
                json.append(piece == 0 ? "" : ",").append('[');
                for (int t = 0; t < 16; t++) {
                    int root = new int[] {60, 65, 67, 60}[(t / 4 + piece) % 4];
                    json.append(t == 0 ? "" : ",").append('[').append(root - 12).append(',').append(root + 4).append(',')
                            .append(root + 7).append(']');
                }
                json.append(']');
            }
            json.append(']');
        }
        dataset = dir.resolve("tiny.json");
        Files.writeString(dataset, json.append('}').toString());
        model = dir.resolve("tiny.zip");
        CliRun r = run("train", "--dataset", dataset.toString(), "--epochs", "2", "--channels", "8", "--levels", "2",
                "--steps-per-beat", "2", "--seed", "5", "-o", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(2, report.get("epochs").size());
        assertTrue(report.get("metrics").has("test_nll_per_step"));
        assertTrue(r.err().contains("backend: CPU"), r.err());
    }

    @Test
    void trainsOnAFolderOfMidiFiles() throws Exception {
        Path folder = dir.resolve("midi");
        Files.createDirectories(folder);
        for (int i = 0; i < 10; i++) {
            List<Note> melody = new ArrayList<>();
            List<Note> bass = new ArrayList<>();
            for (int beat = 0; beat < 8; beat++) {
                melody.add(new Note(60 + (beat + i) % 5 * 2, beat * 480L, 480, 90));
                bass.add(new Note(36 + (beat / 4) * 5, beat * 480L, 480, 80, 1));
            }
            Project song = Project.empty("song " + i).withTracks(List.of(
                    new MidiTrack("m", "Melody", Instrument.PIANO, MixerSettings.UNITY, List.of(new MidiClip("c1", 0, 3840, melody))),
                    new MidiTrack("b", "Bass", Instrument.PIANO.withChannel(1), MixerSettings.UNITY, List.of(new MidiClip("c2", 0, 3840, bass)))));
            MidiFiles.write(song, folder.resolve("song" + i + ".mid"));
        }
        Path out = dir.resolve("corpus.zip");

        CliRun r = run("train", "--corpus", folder.toString(), "--tracks", "2", "--steps-per-beat", "2", "--epochs", "1",
                "--channels", "4", "--levels", "1", "-o", out.toString(), "--json");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("training 9 pieces"), r.err());
        CliRun generated = run("generate", "--model", out.toString(), "--bars", "2", "--key", "G major", "-o", dir.resolve("c.mid").toString());
        assertEquals(0, generated.code(), generated.err());
        Path continued = dir.resolve("continued.mid");
        CliRun more = run("generate", "--model", out.toString(), "--bars", "2", "--continue", folder.resolve("song3.mid").toString(),
                "-o", continued.toString());
        assertEquals(0, more.code(), more.err());
        Project both = MidiFiles.read(continued);
        assertEquals(4, both.tracks().size(), "the file's two tracks and the model's two");
        assertTrue(both.tracks().stream().skip(2).flatMap(t -> ((MidiTrack) t).clips().stream())
                        .allMatch(c -> c.notes().stream().allMatch(n -> c.startTick() + n.startTick() >= 3840)),
                "the new bars start where the file ends");
        assertTrue(both.noteCount() > 32, "the continuation adds notes to the file's 32");
        assertEquals(2, run("train", "--corpus", folder.toString(), "--dataset", dataset.toString(), "-o", dir.resolve("z.zip").toString())
                .code(), "one source only");
    }

    @Test
    void trainRefusesToOverwriteWithoutForce() {
        CliRun r = run("train", "--dataset", dataset.toString(), "--epochs", "1", "--channels", "4", "-o", model.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--force"), r.err());
    }

    @Test
    void trainRejectsAMissingDataSetAndUnknownModels() {
        assertEquals(2, run("train", "--dataset", dir.resolve("none.json").toString(), "-o", dir.resolve("x.zip").toString()).code());
        assertEquals(2, run("train", "--dataset", dataset.toString(), "--steps-per-beat", "7", "-o", dir.resolve("w.zip").toString()).code(),
                "seven steps do not divide a quarter note of 960 ticks");
        assertEquals(2, run("train", "--model", "rnn", "--dataset", dataset.toString(), "-o", dir.resolve("y.zip").toString()).code());
    }

    @Test
    void evalModelPrintsTheNll() throws Exception {
        CliRun plain = run("eval-model", "--model", model.toString(), "--dataset", dataset.toString(), "--split", "test");
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().startsWith("nll_per_step "), plain.out());

        CliRun json = run("eval-model", "--model", model.toString(), "--dataset", dataset.toString(), "--json");
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals(48, report.get("steps").asInt());
        assertTrue(report.get("nll_per_step").asDouble() > 0);
        assertTrue(report.get("musegan").get("used_pitch_classes").get("generated").asDouble() > 0);
    }

    @Test
    void aGanTrainsGeneratesAndIsScoredWithTheMuseGanMetrics() throws Exception {
        Path gan = dir.resolve("gan.zip");
        CliRun trained = run("train", "--model", "gan", "--dataset", dataset.toString(), "--steps-per-beat", "2", "--steps-per-bar", "8",
                "--epochs", "2", "--seed", "3", "-o", gan.toString(), "--json");
        assertEquals(0, trained.code(), trained.err());
        JsonNode report = new ObjectMapper().readTree(trained.out());
        assertEquals(2, report.get("epochs").size());
        assertTrue(report.get("epochs").get(0).has("discriminator_loss"));
        assertTrue(report.get("metrics").has("data_used_pitch_classes"));
        assertTrue(trained.err().contains("epoch 2/2 done"), trained.err());

        CliRun eval = run("eval-model", "--model", gan.toString(), "--dataset", dataset.toString(), "--samples", "4", "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode metrics = new ObjectMapper().readTree(eval.out());
        assertEquals("gan", metrics.get("architecture").asText());
        assertTrue(metrics.get("musegan").get("tonal_distance").get("data").asDouble() > 0);
        assertTrue(metrics.get("musegan").has("empty_bar_rate"));

        Path out = dir.resolve("gan.mid");
        CliRun generated = run("generate", "--model", gan.toString(), "--bars", "4", "--key", "F major", "--density", "0.9", "-o",
                out.toString());
        assertEquals(0, generated.code(), generated.err());
        assertEquals(5, MidiSystem.getSequence(out.toFile()).getTracks().length, "a conductor track and four voices");
        CliRun waltz = run("generate", "--model", gan.toString(), "--meter", "3/4", "-o", dir.resolve("waltz.mid").toString());
        assertEquals(2, waltz.code());
        assertTrue(waltz.err().contains("bars of 8 steps"), waltz.err());
    }

    @Test
    void evalModelRejectsACorruptModel() throws Exception {
        Path broken = dir.resolve("broken.zip");
        Files.writeString(broken, "not a zip");
        CliRun r = run("eval-model", "--model", broken.toString(), "--dataset", dataset.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("broken.zip"), r.err());
    }

    @Test
    void generateWritesAMidiFileInTheKey() throws Exception {
        Path out = dir.resolve("gen.mid");
        CliRun r = run("generate", "--model", model.toString(), "--bars", "4", "--key", "D minor", "--tempo", "96", "--voices", "4",
                "--density", "0.8", "--seed", "2", "-o", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals("D minor", report.get("key").asText());
        assertEquals(4, report.get("tracks").asInt());
        Sequence midi = MidiSystem.getSequence(out.toFile());
        assertEquals(5, midi.getTracks().length, "a conductor track and four voices");
        assertEquals(960, midi.getResolution());

        assertEquals(2, run("generate", "--model", model.toString(), "-o", out.toString()).code(), "exists, no --force");
        assertEquals(0, run("generate", "--model", model.toString(), "-o", out.toString(), "--force").code());
        assertEquals(2, run("generate", "--model", model.toString(), "--key", "H dorian", "-o", dir.resolve("h.mid").toString()).code());
    }

    @Test
    void generateTakesAStyleAndExplicitOptionsOverrideIt() throws Exception {
        Path out = dir.resolve("minuet.mid");
        CliRun r = run("generate", "--style", "minuet", "--model", model.toString(), "--bars", "2", "--key", "E minor",
                "-o", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals("E minor", report.get("key").asText(), "--key overrides the style's D major");
        assertEquals(2, report.get("bars").asInt(), "--bars overrides the style's 16");
        assertEquals(3, report.get("tracks").asInt(), "the style's three voices");
        Project written = MidiFiles.read(out);
        assertEquals(120, written.tempoMap().tempoAt(0).bpm(), 1e-6, "the style's tempo");
        assertEquals(3, written.timeSignatureAt(0).numerator(), "the style's 3/4");
        assertEquals(4, written.timeSignatureAt(0).denominator());

        CliRun unknown = run("generate", "--style", "polka", "--model", model.toString(), "-o", dir.resolve("p.mid").toString());
        assertEquals(FermataCommand.EXIT_BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("polka") && unknown.err().contains("chorale, hymn, minuet, lullaby, sketch"),
                unknown.err());
    }

    @Test
    void generateUsesTheBundledModelWhenNoneIsNamed() throws Exception {
        Path out = dir.resolve("default.mid");
        CliRun r = run("generate", "--bars", "2", "--key", "A minor", "--seed", "3", "-o", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("A minor", new ObjectMapper().readTree(r.out()).get("key").asText());
        assertTrue(fermata.core.midi.MidiFiles.read(out).noteCount() > 0, "the bundled model wrote notes");
    }
}
