package fermata.core.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.error.BadInputException;
import fermata.core.model.Note;
import fermata.core.model.TempoMap;
import fermata.core.task.CancelledException;
import fermata.core.task.CancelledProgress;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerTest {
    private static final int RATE = 44_100;

    /** 12 s at 120 BPM: clicks, and a C major triad with C in the bass. */
    private static float[][] song() {
        double seconds = 12;
        float[] mix = TestSignals.clicks(TestSignals.beatTimes(120, 0.25, seconds), seconds, RATE, 0.4);
        TestSignals.addTone(mix, RATE, TestSignals.midiHz(48), 0.05, 0, seconds, 6);
        for (int key : new int[] {60, 64, 67}) {
            TestSignals.addTone(mix, RATE, TestSignals.midiHz(key), 0.05, 0, seconds, 6);
        }
        return TestSignals.channels(mix, 2);
    }

    @Test
    void jsonHasTheStableKeys() throws Exception {
        AnalysisReport report = Analyzer.analyze(song(), RATE, Progress.NONE);
        JsonNode json = new ObjectMapper().readTree(AnalysisJson.write(report));
        assertEquals(List.of("duration_s", "sample_rate", "channels", "loudness", "tempo", "beats", "key", "chords",
                "pitch", "advice"), names(json));
        assertEquals(List.of("integrated_lufs", "range_lu", "true_peak_dbtp", "sample_peak_dbfs",
                "momentary_max_lufs", "short_term_max_lufs"), names(json.get("loudness")));
        assertEquals(List.of("bpm", "confidence"), names(json.get("tempo")));
        assertEquals(List.of("tonic", "mode", "label", "confidence"), names(json.get("key")));
        assertEquals(List.of("start_s", "end_s", "label"), names(json.get("chords").get(0)));
        assertEquals(12.0, json.get("duration_s").asDouble());
        assertEquals(44_100, json.get("sample_rate").asInt());
        assertEquals(120, json.get("tempo").get("bpm").asDouble(), 0.5);
        assertTrue(json.get("beats").size() >= 20);
        assertEquals("C major", json.get("key").get("label").asText());
        assertEquals("major", json.get("key").get("mode").asText());
        assertEquals("C", json.get("chords").get(0).get("label").asText());
        assertTrue(json.get("pitch").isNull(), "a chord has no single pitch");
    }

    @Test
    void monophonicMelodyHasPitchInJson() throws Exception {
        float[] melody = new float[RATE * 2];
        TestSignals.addTone(melody, RATE, 220, 0.3, 0, 1, 5);
        TestSignals.addTone(melody, RATE, 330, 0.3, 1, 1, 5);
        JsonNode json = new ObjectMapper().readTree(AnalysisJson.write(
                Analyzer.analyze(new float[][] {melody}, RATE, Progress.NONE)));
        assertEquals(220, json.get("pitch").get("min_hz").asDouble(), 2);
        assertEquals(330, json.get("pitch").get("max_hz").asDouble(), 3);
        assertEquals(List.of("min_hz", "max_hz", "median_hz"), names(json.get("pitch")));
    }

    @Test
    void silenceWritesNullsNotInfinities() throws Exception {
        JsonNode json = new ObjectMapper().readTree(AnalysisJson.write(
                Analyzer.analyze(new float[2][RATE * 2], RATE, Progress.NONE)));
        assertTrue(json.get("loudness").get("integrated_lufs").isNull());
        assertTrue(json.get("tempo").get("bpm").isNull());
        assertTrue(json.get("key").isNull());
    }

    @Test
    void badInputAndCancellationAreReported() {
        assertThrows(BadInputException.class, () -> Analyzer.analyze(new float[0][], RATE, Progress.NONE));
        assertThrows(BadInputException.class,
                () -> Analyzer.analyze(new float[][] {new float[10], new float[11]}, RATE, Progress.NONE));
        Progress cancelled = CancelledProgress.INSTANCE;
        assertThrows(CancelledException.class, () -> Analyzer.analyze(song(), RATE, cancelled));
    }

    @Test
    void midiNotesGiveKeyChordsTempoRangeAndDensity() {
        TempoMap tempo = TempoMap.constant(90);
        int q = 960;
        List<MidiAnalyzer.PlacedNote> notes = new ArrayList<>();
        int[][] chords = {{48, 64, 67, 72}, {53, 65, 69, 72}, {55, 65, 67, 71, 74}, {48, 64, 67, 72}};
        for (int bar = 0; bar < chords.length; bar++) {
            for (int key : chords[bar]) {
                notes.add(new MidiAnalyzer.PlacedNote((long) bar * 4 * q, new Note(key, 0, 4L * q, 90)));
            }
        }
        notes.add(new MidiAnalyzer.PlacedNote(0, new Note(36, 0, q, 100, 9)));
        MidiAnalyzer.Result r = MidiAnalyzer.analyze(notes, tempo);
        assertEquals("C major", r.tonal().key().label());
        assertEquals(List.of("C", "F", "G7", "C"), r.tonal().chords().stream().map(c -> c.label()).toList());
        assertEquals(90, r.tempo().bpm(), 0.01, "microseconds per quarter round 90 BPM slightly");
        assertEquals(1, r.tempo().confidence());
        assertEquals("C3", r.lowestNote());
        assertEquals("D5", r.highestNote());
        assertEquals(17, r.noteCount(), "the drum note is left out");
        assertEquals(17 / (16 * 60 / 90.0), r.notesPerSecond(), 1e-4);
        assertEquals(8.0 / 3, r.tonal().chords().get(1).startSeconds(), 0.11);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
