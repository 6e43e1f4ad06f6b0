package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import fermata.core.media.AudioFiles;
import fermata.core.media.AudioInfo;
import fermata.core.midi.MidiFiles;
import fermata.core.model.Project;
import fermata.core.project.ProjectFiles;
import fermata.demo.DemoSong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static fermata.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end: exit codes, one-line errors, --json, --force. */
class CliTest {
    @TempDir
    Path dir;

    private Path demoMidi() throws Exception {
        Path mid = dir.resolve("demo.mid");
        MidiFiles.write(DemoSong.build(), mid);
        return mid;
    }

    @Test
    void infoDescribesAMidiFileAsJson() throws Exception {
        CliRun r = run("info", demoMidi().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = CliJson.MAPPER.readTree(r.out());
        assertEquals("midi", json.get("kind").asText());
        assertEquals(DemoSong.build().noteCount(), json.get("note_count").asInt());
        assertEquals(4, json.get("tracks").size());
        assertEquals(100.0, json.get("tempi").get(0).get("bpm").asDouble(), 1e-3);
        assertEquals(88.0, json.get("tempi").get(1).get("bpm").asDouble(), 1e-3);
        assertEquals("C major", json.get("key_signatures").get(0).get("key").asText());
        assertEquals(48.655, json.get("duration_s").asDouble(), 0.01);
    }

    @Test
    void infoDescribesAudioAndProjects() throws Exception {
        Path wav = Path.of("src/test/resources/audio/pcm-s24.wav");
        JsonNode audio = CliJson.MAPPER.readTree(run("info", wav.toString(), "--json").out());
        AudioInfo expected = AudioFiles.probe(wav);
        assertEquals(expected.sampleRate(), audio.get("sample_rate").asInt());
        assertEquals(expected.channels(), audio.get("channels").asInt());
        assertEquals(24, audio.get("bits_per_sample").asInt());

        CliRun project = run("info", "assets/demo/first-light.fermata");
        assertEquals(0, project.code(), project.err());
        assertTrue(project.out().contains("name: First Light"), project.out());
        assertTrue(project.out().contains("name Flute, kind midi"), project.out());
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() throws Exception {
        Path junk = dir.resolve("broken.mid");
        Files.write(junk, new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, (byte) 0xFF, (byte) 0xFF, 0, 96});
        CliRun r = run("info", junk.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(junk.toString()), r.err());
        assertFalse(r.err().contains("Exception"), r.err());

        CliRun missing = run("info", dir.resolve("nope.wav").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());

        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("info").code());
    }

    @Test
    void convertRoundTripsMidiThroughAProjectAndNeverOverwritesWithoutForce() throws Exception {
        Path mid = demoMidi();
        Path project = dir.resolve("demo.fermata");
        Path back = dir.resolve("back.mid");
        assertEquals(0, run("convert", mid.toString(), project.toString()).code());
        assertEquals(0, run("convert", project.toString(), back.toString()).code());
        Project first = MidiFiles.read(mid);
        assertEquals(first.tracks(), MidiFiles.read(back).tracks());
        assertEquals(first.tempoMap(), ProjectFiles.read(project).project().tempoMap());

        byte[] before = Files.readAllBytes(back);
        CliRun refused = run("convert", project.toString(), back.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(0, run("convert", mid.toString(), back.toString(), "--force").code());
        assertEquals(before.length, Files.readAllBytes(back).length);
    }

    @Test
    void convertDecodesAudioToWavAtTheRequestedFormat() throws Exception {
        Path out = dir.resolve("out.wav");
        CliRun r = run("convert", "src/test/resources/audio/flac-24.flac", out.toString(), "--bits", "16",
                "--rate", "48000");
        assertEquals(0, r.code(), r.err());
        AudioInfo info = AudioFiles.probe(out);
        assertEquals(48_000, info.sampleRate());
        assertEquals(16, info.bitsPerSample());

        CliRun wrongBits = run("convert", "src/test/resources/audio/flac-24.flac", dir.resolve("x.wav").toString(),
                "--bits", "12");
        assertEquals(2, wrongBits.code());
        assertFalse(Files.exists(dir.resolve("x.wav")), "nothing half-written");

        CliRun toAudio = run("convert", "assets/demo/first-light.fermata", dir.resolve("song.wav").toString());
        assertEquals(2, toAudio.code());
        assertTrue(toAudio.err().contains("fermata render"), toAudio.err());
    }

    @Test
    void analyzeReadsCompressedAudioThroughTheDecoder() throws Exception {
        CliRun r = run("analyze", "src/test/resources/audio/sine-1k.ogg", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = CliJson.MAPPER.readTree(r.out());
        assertTrue(json.get("duration_s").asDouble() > 0);
        assertEquals(-6.02, json.get("loudness").get("sample_peak_dbfs").asDouble(), 0.3);

        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "not audio at all");
        CliRun bad = run("analyze", text.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(text.toString()), bad.err());
    }

    @Test
    void renderWritesTheDemoSongAsWavOfTheRightLength() throws Exception {
        Path wav = dir.resolve("demo.wav");
        CliRun r = run("render", "assets/demo/first-light.fermata", "-o", wav.toString(), "--bits", "16",
                "--rate", "44100", "--tail-seconds", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("100%"), r.err());
        AudioInfo info = AudioFiles.probe(wav);
        assertEquals(44_100, info.sampleRate());
        assertEquals(2, info.channels());
        assertEquals(DemoSong.build().durationSeconds() + 1, info.durationSeconds(), 0.01);
        assertTrue(AudioFiles.samplePeak(wav).dbfs() > -20, "the song is audible");

        CliRun refused = run("render", "assets/demo/first-light.fermata", "-o", wav.toString());
        assertEquals(2, refused.code());
        CliRun notMusic = run("render", wav.toString(), "-o", dir.resolve("x.wav").toString());
        assertEquals(2, notMusic.code());
        assertTrue(notMusic.err().contains("not a MIDI file or Fermata project"), notMusic.err());
        assertEquals(2, run("render", "assets/demo/first-light.fermata", "-o", dir.resolve("y.wav").toString(),
                "--rate", "22050").code());
        CliRun badSynth = run("render", "assets/demo/first-light.fermata", "-o", dir.resolve("z.wav").toString(),
                "--synth", "timidity");
        assertEquals(2, badSynth.code());
        assertTrue(badSynth.err().contains("--synth must be fermata or gervill"), badSynth.err());
    }
}
