package fermata.core.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.analysis.advice.Advice;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.analysis.tonal.ChordSegment;
import fermata.core.analysis.tonal.KeyEstimate;

/**
 * The report as JSON with stable keys that scripts depend on: {@code duration_s, sample_rate,
 * channels, loudness{integrated_lufs, range_lu, true_peak_dbtp, sample_peak_dbfs,
 * momentary_max_lufs, short_term_max_lufs}, tempo{bpm, confidence}, beats[], key{tonic, mode,
 * label, confidence}, chords[]{start_s, end_s, label}, pitch{min_hz, max_hz, median_hz},
 * advice[]{severity, message}}. Levels that do not exist (silence) and pitch for polyphonic
 * material are null. Keys are only ever added, never renamed. {@link #writeMidi} writes the keys
 * that apply to MIDI notes.
 */
public final class AnalysisJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisJson() {
    }

    public static String write(AnalysisReport r) {
        try {
            return MAPPER.writeValueAsString(tree(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    public static ObjectNode tree(AnalysisReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        number(root, "duration_s", r.durationSeconds());
        root.put("sample_rate", r.sampleRate());
        root.put("channels", r.channels());

        LoudnessResult l = r.loudness();
        ObjectNode loudness = root.putObject("loudness");
        number(loudness, "integrated_lufs", l.integratedLufs());
        number(loudness, "range_lu", l.rangeLu());
        number(loudness, "true_peak_dbtp", l.truePeakDbtp());
        number(loudness, "sample_peak_dbfs", l.samplePeakDbfs());
        number(loudness, "momentary_max_lufs", l.momentaryMaxLufs());
        number(loudness, "short_term_max_lufs", l.shortTermMaxLufs());

        ObjectNode tempo = root.putObject("tempo");
        number(tempo, "bpm", r.rhythm().tempo().bpm() > 0 ? r.rhythm().tempo().bpm() : Double.NaN);
        number(tempo, "confidence", r.rhythm().tempo().confidence());

        ArrayNode beats = root.putArray("beats");
        for (double b : r.rhythm().beats()) {
            beats.add(round(b));
        }

        key(root, r.tonal().key());
        chords(root, r.tonal().chords());

        if (r.pitch() == null) {
            root.putNull("pitch");
        } else {
            ObjectNode pitch = root.putObject("pitch");
            number(pitch, "min_hz", r.pitch().minHz());
            number(pitch, "max_hz", r.pitch().maxHz());
            number(pitch, "median_hz", r.pitch().medianHz());
        }

        ArrayNode advice = root.putArray("advice");
        for (Advice a : r.advice()) {
            ObjectNode item = advice.addObject();
            item.put("severity", a.severity().label());
            item.put("message", a.message());
        }
        return root;
    }

    /**
     * The keys that apply to MIDI notes, with the same meaning as for audio: {@code duration_s,
     * tempo{bpm, confidence}, beats[], key{...}, chords[]}; plus, for notes only, {@code
     * range{lowest, highest, lowest_key, highest_key}} and {@code notes{count, per_second}}.
     */
    public static String writeMidi(MidiAnalyzer.Result r) {
        ObjectNode root = MAPPER.createObjectNode();
        number(root, "duration_s", r.durationSeconds());
        ObjectNode tempo = root.putObject("tempo");
        number(tempo, "bpm", r.tempo().bpm());
        number(tempo, "confidence", r.tempo().confidence());
        ArrayNode beats = root.putArray("beats");
        for (double b : r.beats()) {
            beats.add(round(b));
        }
        key(root, r.tonal().key());
        chords(root, r.tonal().chords());
        if (r.noteCount() == 0) {
            root.putNull("range");
        } else {
            ObjectNode range = root.putObject("range");
            range.put("lowest", r.lowestNote());
            range.put("highest", r.highestNote());
            range.put("lowest_key", r.lowestKey());
            range.put("highest_key", r.highestKey());
        }
        ObjectNode notes = root.putObject("notes");
        notes.put("count", r.noteCount());
        number(notes, "per_second", r.notesPerSecond());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static void key(ObjectNode root, KeyEstimate k) {
        if (k == null) {
            root.putNull("key");
        } else {
            ObjectNode key = root.putObject("key");
            key.put("tonic", k.tonic());
            key.put("mode", k.mode().label());
            key.put("label", k.label());
            number(key, "confidence", k.confidence());
        }
    }

    private static void chords(ObjectNode root, java.util.List<ChordSegment> list) {
        ArrayNode chords = root.putArray("chords");
        for (ChordSegment c : list) {
            ObjectNode chord = chords.addObject();
            number(chord, "start_s", c.startSeconds());
            number(chord, "end_s", c.endSeconds());
            chord.put("label", c.label());
        }
    }

    /** Finite numbers rounded to 4 decimals (0.1 ms, 0.0001 dB), anything else as null. */
    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, round(value));
        } else {
            node.putNull(key);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
