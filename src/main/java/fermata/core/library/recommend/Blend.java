package fermata.core.library.recommend;

import java.util.Arrays;
import java.util.Locale;

/**
 * A weighted sum of component scores, each scaled to at most 1 in magnitude first (-infinity, an
 * item a model does not rank, counts as 0). The components: EASE and item-kNN (what goes with the
 * recent listening), "again" (the recent listening itself, decayed), the hour (how much of an
 * item's listening happened at this time of day) and popularity within the owner's history.
 */
public record Blend(double[] weights) {
    public static final String[] COMPONENTS = {"ease", "itemknn", "again", "hour", "popularity"};
    /** Before anything is learnt: mostly collaborative, a little of everything else. */
    public static final Blend DEFAULT = new Blend(new double[] {1, 0.5, 0.5, 0.25, 0.1});

    public Blend {
        if (weights.length != COMPONENTS.length) {
            throw new IllegalArgumentException("a blend has " + COMPONENTS.length + " weights");
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Adds weight x scaled component into out. */
    public static void addScaled(double[] component, double weight, double[] out) {
        if (weight == 0) {
            return;
        }
        double max = 0;
        for (double v : component) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (max == 0) {
            return;
        }
        for (int i = 0; i < out.length; i++) {
            if (Double.isFinite(component[i])) {
                out[i] += weight * component[i] / max;
            }
        }
    }

    public double[] combine(double[][] components) {
        double[] out = new double[components[0].length];
        for (int c = 0; c < COMPONENTS.length; c++) {
            addScaled(components[c], weights[c], out);
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < COMPONENTS.length; c++) {
            text.append(c == 0 ? "" : ", ").append(COMPONENTS[c]).append(' ').append(String.format(Locale.ROOT, "%.2f", weights[c]));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Blend b && Arrays.equals(weights, b.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }
}
