package fermata.core.library;

import fermata.core.analysis.TrackFeatures;

import java.util.Locale;
import java.util.Map;

/**
 * How alike two tracks sound, for tracks never played (cold start) and for "more like this":
 * cosine similarity of standardised feature vectors (tempo, key on the circle of fifths, loudness,
 * MFCC means, chroma means), each group weighted equally whatever its length. Tracks without
 * features have no similarity (NaN).
 */
final class ContentSimilarity {
    private static final String[] NOTES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private final double[][] vectors;
    private final TrackFeatures[] features;

    /** @param byItem features per item index, null where unknown */
    ContentSimilarity(TrackFeatures[] byItem) {
        this.features = byItem;
        int n = byItem.length;
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = byItem[i] == null ? null : raw(byItem[i]);
        }
        vectors = standardise(raw);
    }

    static ContentSimilarity of(int items, Map<Integer, TrackFeatures> known) {
        TrackFeatures[] byItem = new TrackFeatures[items];
        known.forEach((i, f) -> byItem[i] = f);
        return new ContentSimilarity(byItem);
    }

    private static double[] raw(TrackFeatures f) {
        int mfcc = f.mfccMean().length;
        int chroma = f.chromaMean().length;
        double[] v = new double[4 + mfcc + chroma];
        v[0] = f.tempoBpm();
        double angle = 2 * Math.PI * fifths(f.key()) / 12;
        v[1] = Math.cos(angle) * 2;
        v[2] = Math.sin(angle) * 2;
        v[3] = Double.isFinite(f.loudnessLufs()) ? f.loudnessLufs() : -70;
        for (int c = 0; c < mfcc; c++) {
            v[4 + c] = f.mfccMean()[c] / Math.sqrt(mfcc);
        }
        for (int c = 0; c < chroma; c++) {
            v[4 + mfcc + c] = f.chromaMean()[c] / Math.sqrt(chroma);
        }
        return v;
    }

    /** Position of a key's tonic on the circle of fifths (relative minors share their major's place). */
    static int fifths(String key) {
        if (key == null || key.isBlank()) {
            return 0;
        }
        String[] parts = key.strip().split("\\s+");
        int pc = 0;
        for (int i = 0; i < NOTES.length; i++) {
            if (NOTES[i].equalsIgnoreCase(parts[0])) {
                pc = i;
            }
        }
        if (parts.length > 1 && parts[1].toLowerCase(Locale.ROOT).startsWith("min")) {
            pc = (pc + 3) % 12;
        }
        return (pc * 7) % 12;
    }

    private static double[][] standardise(double[][] raw) {
        int dims = 0;
        int count = 0;
        for (double[] v : raw) {
            if (v != null) {
                dims = v.length;
                count++;
            }
        }
        if (count == 0) {
            return raw;
        }
        double[] mean = new double[dims];
        double[] sd = new double[dims];
        for (double[] v : raw) {
            if (v != null && v.length == dims) {
                for (int d = 0; d < dims; d++) {
                    mean[d] += v[d] / count;
                }
            }
        }
        for (double[] v : raw) {
            if (v != null && v.length == dims) {
                for (int d = 0; d < dims; d++) {
                    sd[d] += (v[d] - mean[d]) * (v[d] - mean[d]) / count;
                }
            }
        }
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != null && raw[i].length == dims) {
                out[i] = new double[dims];
                for (int d = 0; d < dims; d++) {
                    out[i][d] = sd[d] > 1e-12 ? (raw[i][d] - mean[d]) / Math.sqrt(sd[d]) : 0;
                }
            }
        }
        return out;
    }

    boolean has(int item) {
        return item < vectors.length && vectors[item] != null;
    }

    TrackFeatures features(int item) {
        return item < features.length ? features[item] : null;
    }

    /** Cosine similarity, NaN when either track has no features. */
    double similarity(int a, int b) {
        if (!has(a) || !has(b)) {
            return Double.NaN;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < vectors[a].length; d++) {
            dot += vectors[a][d] * vectors[b][d];
            na += vectors[a][d] * vectors[a][d];
            nb += vectors[b][d] * vectors[b][d];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Words for what two tracks share in sound: "same key (A minor) and tempo (about 120 BPM)". */
    String sharedSound(int a, int b) {
        TrackFeatures x = features(a);
        TrackFeatures y = features(b);
        if (x == null || y == null) {
            return null;
        }
        boolean sameKey = x.key() != null && x.key().equals(y.key());
        boolean sameTempo = Math.abs(x.tempoBpm() - y.tempoBpm()) <= 4;
        if (sameKey && sameTempo) {
            return String.format(Locale.ROOT, "same key (%s) and tempo (about %.0f BPM)", x.key(), y.tempoBpm());
        }
        if (sameKey) {
            return "same key (" + x.key() + ")";
        }
        if (sameTempo) {
            return String.format(Locale.ROOT, "same tempo (about %.0f BPM)", y.tempoBpm());
        }
        return "a similar sound";
    }
}
