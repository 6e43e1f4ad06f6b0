package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.midi.MidiFiles;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.TempoMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzeCommandTest {
    /** A 16-bit stereo WAV of a 1 kHz sine at -23 dBFS, 5 s. */
    private static Path wav(Path dir) throws Exception {
        int rate = 48_000;
        int frames = rate * 5;
        byte[] data = new byte[frames * 4];
        double a = Math.pow(10, -23 / 20.0) * 32767;
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(a * Math.sin(2 * Math.PI * 1000 * i / rate));
            for (int c = 0; c < 2; c++) {
                data[4 * i + 2 * c] = (byte) s;
                data[4 * i + 2 * c + 1] = (byte) (s >> 8);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
        Path file = dir.resolve("sine.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(data), format, frames),
                AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    @Test
    void analyzeWavPrintsJson(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FermataCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("analyze", wav(dir).toString(), "--json");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(-23.0, json.get("loudness").get("integrated_lufs").asDouble(), 0.1);
        assertEquals(2, json.get("channels").asInt());
        assertTrue(err.toString().contains("loudness"), "progress goes to stderr");
    }

    @Test
    void analyzeMidiGivesTheKeysThatApplyToNotes(@TempDir Path dir) throws Exception {
        int q = Ppq.TICKS_PER_QUARTER;
        List<Note> notes = new ArrayList<>();
        int[][] chords = {{50, 62, 65, 69}, {55, 62, 67, 70}, {45, 61, 64, 69}, {50, 62, 65, 69}};
        for (int bar = 0; bar < 4; bar++) {
            for (int key : chords[bar]) {
                notes.add(new Note(key, (long) bar * 4 * q, 4L * q, 90, 0));
            }
        }
        notes.sort(Note.ORDER);
        Project song = Project.empty("song").withTempoMap(TempoMap.constant(90)).withTracks(List.of(
                new MidiTrack("t", "Piano", Instrument.PIANO, MixerSettings.UNITY,
                        List.of(new MidiClip("c", 0, 16L * q, notes)))));
        Path mid = dir.resolve("song.mid");
        MidiFiles.write(song, mid);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FermataCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("analyze", mid.toString(), "--json");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(List.of("duration_s", "tempo", "beats", "key", "chords", "range", "notes"), names(json));
        assertEquals(90, json.get("tempo").get("bpm").asDouble(), 1e-6);
        assertEquals(16, json.get("beats").size(), "a beat per quarter note over 16 quarters");
        assertEquals(2.0 / 3, json.get("beats").get(1).asDouble(), 1e-4);
        assertEquals("D minor", json.get("key").get("label").asText());
        List<String> labels = new ArrayList<>();
        json.get("chords").forEach(c -> labels.add(c.get("label").asText()));
        assertEquals(List.of("Dm", "Gm", "A", "Dm"), labels);
        assertEquals("A2", json.get("range").get("lowest").asText());
        assertEquals("A#4", json.get("range").get("highest").asText());
        assertEquals(16, json.get("notes").get("count").asInt());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void notAnAudioFileIsBadInput(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio");
        StringWriter err = new StringWriter();
        int code = FermataCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("analyze", text.toString());
        assertEquals(FermataCommand.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().startsWith("fermata: " + text), err.toString());
    }
}
