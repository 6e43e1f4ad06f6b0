package fermata.core.compose;

import fermata.core.error.BadInputException;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;

/**
 * Trains the bar GAN as a DCGAN (ADR 0082): per batch, the discriminator learns real bars (label
 * 0.9, one-sided smoothing) against generated ones (0), then the generator learns to make the
 * discriminator say 1. A GAN's losses do not say which weights are best, so after every epoch the
 * generator writes bars for the validation conditions and the epoch whose MuseGAN metrics are
 * closest to the validation data's is kept. Reproducible from the seed; resumable from checkpoints.
 */
public final class GanTrainer {
    static final String LATEST = "latest.zip";
    static final String BEST = "best.zip";
    /** Card metric: mean relative gap between the kept weights' MuseGAN metrics and the validation data's. */
    public static final String METRIC_GAP = "valid_metric_gap";
    private static final float REAL = 0.9f;

    private GanTrainer() {
    }

    /**
     * @param batchSize bars per update
     * @param checkpoints folder for {@code latest.zip} (with both players and their optimiser state) and {@code best.zip}; null for none
     * @param resume continue from the checkpoint folder's {@code latest.zip} when it exists
     */
    public record Options(GanArchitecture architecture, int epochs, int batchSize, double learningRate, long seed, Path checkpoints,
                          boolean resume) {
        public Options {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("epochs and batch size must be >= 1, the learning rate > 0");
            }
        }

        public static Options defaults() {
            return new Options(GanArchitecture.DEFAULT, 30, 64, 2e-4, 1, null, false);
        }

        public Options withEpochs(int n) {
            return new Options(architecture, n, batchSize, learningRate, seed, checkpoints, resume);
        }

        public Options withBatchSize(int n) {
            return new Options(architecture, epochs, n, learningRate, seed, checkpoints, resume);
        }

        public Options withLearningRate(double lr) {
            return new Options(architecture, epochs, batchSize, lr, seed, checkpoints, resume);
        }

        public Options withSeed(long s) {
            return new Options(architecture, epochs, batchSize, learningRate, s, checkpoints, resume);
        }

        public Options withArchitecture(GanArchitecture a) {
            return new Options(a, epochs, batchSize, learningRate, seed, checkpoints, resume);
        }

        public Options withCheckpoints(Path folder, boolean resumeFromIt) {
            return new Options(architecture, epochs, batchSize, learningRate, seed, folder, resumeFromIt);
        }
    }

    /**
     * @param discriminatorLoss mean cross-entropy of the discriminator on real and generated bars
     * @param generatorLoss mean cross-entropy of the generator's bars judged as real
     * @param validGap mean relative gap of the MuseGAN metrics of generated bars to the validation data's
     * @param stepsPerSecond updates (batches) per second
     */
    public record EpochReport(int epoch, double discriminatorLoss, double generatorLoss, double validGap, double seconds,
                              double stepsPerSecond) {
    }

    public record Result(GanModel model, List<EpochReport> epochs) {
    }

    /** The networks of a run: both players and the stack that trains the generator. */
    record Players(ComputationGraph discriminator, ComputationGraph stacked) {
    }

    /**
     * @param training pieces in the format given, or one-track pieces that are split into its voices
     * @param format the bars' format: tracks, pitch range and resolution
     * @param keysInC the pieces are all in C major / C minor (recorded in the card)
     */
    public static Result train(Corpus training, Corpus validation, RollFormat format, boolean keysInC, Options options,
                               Progress progress) throws CancelledException, BadInputException, IOException {
        return train(training, validation, format, keysInC, options, progress, EpochListener.NONE);
    }

    /** As the method above, telling {@code listener} each epoch's discriminator and generator loss and metric gap. */
    public static Result train(Corpus training, Corpus validation, RollFormat format, boolean keysInC, Options options,
                               Progress progress, EpochListener listener) throws CancelledException, BadInputException, IOException {
        GanArchitecture arch = options.architecture();
        int columns = arch.columns(format);
        if (columns % 4 != 0) {
            int fewer = columns / 4 * 4 - (columns - format.pitchCount());
            throw new IllegalArgumentException("the GAN's bars need a multiple of 4 columns; " + format.pitchCount() + " pitches"
                    + (arch.rests() ? " plus the rest column make " + columns : "") + ": choose " + fewer + " or " + (fewer + 4) + " pitches");
        }
        GanBars bars = GanBars.of(training.pieces(), format, arch);
        if (bars.size() == 0) {
            throw new IllegalArgumentException("no whole bar of " + arch.stepsPerBar() + " steps in the training pieces");
        }
        GanBars validBars = validation == null || validation.isEmpty() ? bars : GanBars.of(validation.pieces(), format, arch);
        MuseGanMetrics target = metricsOf(validBars.bars, format, arch);

        Players players;
        ModelCard card;
        int firstEpoch = 1;
        double secondsBefore = 0;
        GanModel best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        Path latestFile = options.checkpoints() == null ? null : options.checkpoints().resolve(LATEST);
        if (options.resume() && latestFile != null && Files.exists(latestFile)) {
            ModelFile.GanCheckpoint checkpoint = ModelFile.readGanCheckpoint(latestFile);
            card = checkpoint.model().card();
            if (!card.roll().equals(format) || !arch.equals(card.gan())) {
                throw new BadInputException(latestFile, null, "the checkpoint was trained with another architecture or roll format",
                        "start afresh without --resume or use another checkpoint folder");
            }
            players = checkpoint.players();
            firstEpoch = card.epochs() + 1;
            secondsBefore = card.trainingSeconds();
            Path bestFile = options.checkpoints().resolve(BEST);
            if (Files.exists(bestFile)) {
                best = (GanModel) ModelFile.load(bestFile);
                bestGap = best.card().metrics().getOrDefault(METRIC_GAP, Double.POSITIVE_INFINITY);
            }
            progress.update(-1, "resuming after epoch " + card.epochs());
        } else {
            players = new Players(GanNetwork.discriminator(arch, format, options.seed(), options.learningRate()),
                    GanNetwork.stacked(arch, format, options.seed() + 1, options.learningRate()));
            copy(players.discriminator(), players.stacked(), GanNetwork.DISCRIMINATOR_LAYERS);
            card = new ModelCard(ModelCard.FORMAT_VERSION, ModelCard.GAN, null, format, keysInC,
                    new ModelCard.TrainingData(training.source(), training.pieces().size(), training.steps(),
                            validation == null ? null : validation.source(), 0),
                    prefixed("data_", target),
                    options.seed(), 0, 0, 0, Instant.now().toString(), arch);
        }

        List<EpochReport> reports = new ArrayList<>();
        int batchesPerEpoch = (bars.size() + options.batchSize() - 1) / options.batchSize();
        int epochsToRun = options.epochs() - firstEpoch + 1;
        long started = System.nanoTime();
        int batchesDone = 0;
        for (int epoch = firstEpoch; epoch <= options.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            Nd4j.getRandom().setSeed(options.seed() * 1_000_003L + epoch);
            Random random = new Random(options.seed() * 7_919L + epoch);
            int[] order = shuffled(bars.size(), random);
            double dLoss = 0;
            double gLoss = 0;
            for (int b = 0; b < batchesPerEpoch; b++) {
                progress.checkCancelled();
                int from = b * options.batchSize();
                int n = Math.min(options.batchSize(), bars.size() - from);
                float[][] real = new float[n][];
                float[][] conditions = new float[n][];
                for (int i = 0; i < n; i++) {
                    real[i] = bars.bars[order[from + i]];
                    conditions[i] = bars.conditions[order[from + i]];
                }
                dLoss += step(players, real, conditions, arch, format, random);
                gLoss += players.stacked().score();
                batchesDone++;
                double elapsed = (System.nanoTime() - started) / 1e9;
                long remaining = (long) epochsToRun * batchesPerEpoch - batchesDone;
                progress.update((epoch - 1 + (b + 1.0) / batchesPerEpoch) / options.epochs(),
                        String.format("epoch %d/%d, batch %d/%d, loss D %.3f G %.3f, ETA %s", epoch, options.epochs(), b + 1,
                                batchesPerEpoch, dLoss / (b + 1), gLoss / (b + 1), eta(elapsed / batchesDone * remaining)));
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            GanModel current = new GanModel(generatorOf(players.stacked(), arch, format, options), card);
            MuseGanMetrics generated = metricsOf(sample(current, validBars, options.seed()), format, arch);
            double gap = gap(generated, target);
            reports.add(new EpochReport(epoch, dLoss / batchesPerEpoch, gLoss / batchesPerEpoch, gap, seconds, batchesPerEpoch / seconds));
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("discriminator loss", dLoss / batchesPerEpoch);
            figures.put("generator loss", gLoss / batchesPerEpoch);
            figures.put("metric gap", gap);
            listener.epochDone(epoch, options.epochs(), figures);
            double totalSeconds = secondsBefore + (System.nanoTime() - started) / 1e9;
            boolean improved = gap < bestGap;
            card = card.withProgress(epoch, improved ? epoch : best.card().bestEpoch(), totalSeconds);
            current = current.withCard(card);
            if (improved) {
                bestGap = gap;
                ModelCard bestCard = card.withMetric(METRIC_GAP, gap);
                for (Map.Entry<String, Double> e : prefixed("generated_", generated).entrySet()) {
                    bestCard = bestCard.withMetric(e.getKey(), e.getValue());
                }
                best = current.withCard(bestCard);
            }
            best = best.withCard(best.card().withProgress(epoch, best.card().bestEpoch(), totalSeconds));
            if (options.checkpoints() != null) {
                ModelFile.writeGanCheckpoint(current, players, latestFile);
                ModelFile.write((CompositionModel) best, options.checkpoints().resolve(BEST));
            }
            progress.update((double) epoch / options.epochs(), String.format(
                    "epoch %d/%d done: D %.3f, G %.3f, metric gap %.3f, %.1f s", epoch, options.epochs(), dLoss / batchesPerEpoch,
                    gLoss / batchesPerEpoch, gap, seconds));
        }
        return new Result(best, reports);
    }

    /** One discriminator update on real and generated bars, then one generator update; returns the discriminator's loss. */
    private static double step(Players players, float[][] real, float[][] conditions, GanArchitecture arch, RollFormat format,
                               Random random) {
        int n = real.length;
        INDArray condition = Nd4j.create(conditions);
        INDArray fake = players.stacked().feedForward(new INDArray[] {noise(n, arch, random), condition}, false)
                .get(GanNetwork.GENERATED).dup();
        INDArray realBars = Nd4j.create(real).reshape('c', n, format.tracks(), arch.stepsPerBar(), arch.columns(format));
        INDArray both = Nd4j.concat(0, realBars, fake);
        INDArray labels = Nd4j.concat(0, Nd4j.valueArrayOf(new long[] {n, 1}, REAL), Nd4j.zeros(n, 1));
        players.discriminator().fit(new MultiDataSet(new INDArray[] {both, Nd4j.concat(0, condition, condition)},
                new INDArray[] {labels}));
        double dLoss = players.discriminator().score();
        copy(players.discriminator(), players.stacked(), GanNetwork.DISCRIMINATOR_LAYERS);
        players.stacked().fit(new MultiDataSet(new INDArray[] {noise(n, arch, random), condition},
                new INDArray[] {Nd4j.ones(n, 1)}));
        return dLoss;
    }

    private static INDArray noise(int n, GanArchitecture arch, Random random) {
        float[][] z = new float[n][arch.noise()];
        for (float[] row : z) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        return Nd4j.create(z);
    }

    /** Copies the weights of the named layers; both graphs name their layers alike. */
    static void copy(ComputationGraph from, ComputationGraph to, List<String> layers) {
        for (String name : layers) {
            to.getLayer(name).params().assign(from.getLayer(name).params());
        }
    }

    /** A standalone generator with the stack's generator weights. */
    static ComputationGraph generatorOf(ComputationGraph stacked, GanArchitecture arch, RollFormat format, Options options) {
        ComputationGraph generator = GanNetwork.generator(arch, format, options.seed(), options.learningRate());
        copy(stacked, generator, GanNetwork.GENERATOR_LAYERS);
        return generator;
    }

    /** Bars the model writes for the given conditions (the real previous bars, keys and chords), decoded as generation does. */
    static float[][] sample(GanModel model, GanBars conditionsFrom, long seed) {
        GanArchitecture arch = model.architecture();
        int n = Math.min(256, conditionsFrom.size());
        Random random = new Random(seed);
        float[][] noise = new float[n][arch.noise()];
        float[][] conditions = new float[n][];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < arch.noise(); k++) {
                noise[i][k] = (float) random.nextGaussian();
            }
            conditions[i] = conditionsFrom.conditions[i * conditionsFrom.size() / n];
        }
        float[][] out = model.bars(noise, conditions);
        boolean[] all = new boolean[arch.barWidth(model.format())];
        java.util.Arrays.fill(all, true);
        for (int i = 0; i < n; i++) {
            out[i] = GanBars.decode(out[i], all, 0, 1, random, arch, model.format());
        }
        return out;
    }

    /** The MuseGAN metrics of flattened bars. */
    static MuseGanMetrics metricsOf(float[][] bars, RollFormat format, GanArchitecture arch) {
        float[][] vectors = new float[bars.length * arch.stepsPerBar()][format.featuresPerStep()];
        for (int b = 0; b < bars.length; b++) {
            GanBars.addToSteps(bars[b], vectors, b * arch.stepsPerBar(), arch, format);
        }
        return MuseGanMetrics.of(List.of(PianoRoll.fromStepVectors(vectors, format)), arch.stepsPerBar());
    }

    /** Mean relative gap over used pitch classes, polyphony and tonal distance, plus the absolute gap of the empty-bar rate. */
    static double gap(MuseGanMetrics generated, MuseGanMetrics data) {
        return (relative(generated.usedPitchClasses(), data.usedPitchClasses())
                + Math.abs(nanToOne(generated.polyphony()) - data.polyphony())
                + relative(generated.tonalDistance(), data.tonalDistance())
                + Math.abs(nanToOne(generated.emptyBarRate()) - data.emptyBarRate())) / 4;
    }

    private static double relative(double value, double reference) {
        return Double.isNaN(value) ? 1 : Math.abs(value - reference) / Math.max(1e-9, Math.abs(reference));
    }

    private static double nanToOne(double v) {
        return Double.isNaN(v) ? 1 : v;
    }

    /** The metrics that are numbers (JSON has no NaN), their names prefixed. */
    static Map<String, Double> prefixed(String prefix, MuseGanMetrics metrics) {
        Map<String, Double> result = new TreeMap<>();
        metrics.asMap().forEach((name, value) -> {
            if (!Double.isNaN(value)) {
                result.put(prefix + name, value);
            }
        });
        return result;
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static String eta(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
