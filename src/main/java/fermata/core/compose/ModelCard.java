package fermata.core.compose;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a model file says about its model, stored as {@code card.json} beside the weights.
 *
 * @param formatVersion version of the model file layout, {@link #FORMAT_VERSION} when written
 * @param architecture "tcn" or "gan"
 * @param tcn the network's shape (tcn models)
 * @param roll resolution, pitch range, tracks and onsets of the rolls it reads and writes
 * @param keysInC whether the training pieces were all in C major / C minor (the Boulanger sets
 *     are), so that generation in another key transposes from C
 * @param trainingData where the training pieces came from
 * @param metrics measured figures, for example {@code valid_nll_per_step}
 * @param seed the training seed
 * @param epochs epochs trained (for a checkpoint: epochs done so far)
 * @param bestEpoch the epoch whose weights these are (1-based; the best on validation)
 * @param trainingSeconds wall-clock training time
 * @param created ISO-8601 instant
 * @param gan the networks' shape (gan models)
 */
public record ModelCard(int formatVersion, String architecture, TcnArchitecture tcn, RollFormat roll, boolean keysInC,
                        TrainingData trainingData, Map<String, Double> metrics, long seed, int epochs, int bestEpoch,
                        double trainingSeconds, String created, GanArchitecture gan) {
    /** 2: GAN cards say whether the bars have a rest column ({@link GanArchitecture#rests()}); 1 had none. */
    public static final int FORMAT_VERSION = 2;
    public static final String TCN = "tcn";
    public static final String GAN = "gan";

    public ModelCard {
        metrics = metrics == null ? Map.of() : Map.copyOf(new TreeMap<>(metrics));
    }

    /**
     * @param source file and split, e.g. "JSB_Chorales.json#train"
     * @param transposeAugment pieces were shifted by up to this many semitones each way while training
     */
    public record TrainingData(String source, int pieces, long steps, String validation, int transposeAugment) {
    }

    public ModelCard withMetric(String name, double value) {
        Map<String, Double> next = new TreeMap<>(metrics);
        next.put(name, value);
        return new ModelCard(formatVersion, architecture, tcn, roll, keysInC, trainingData, next, seed, epochs, bestEpoch,
                trainingSeconds, created, gan);
    }

    public ModelCard withProgress(int epochsDone, int best, double seconds) {
        return new ModelCard(formatVersion, architecture, tcn, roll, keysInC, trainingData, metrics, seed, epochsDone, best,
                seconds, created, gan);
    }
}
