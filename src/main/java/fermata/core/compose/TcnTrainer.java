package fermata.core.compose;

import fermata.core.error.BadInputException;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link TcnModel} with Adam on binary cross-entropy, keeping the weights of the epoch
 * with the lowest validation NLL. Runs are reproducible from the seed: DL4J's and ND4J's random
 * generators are seeded per epoch and the data order comes from a seeded {@link Random}, so a run
 * resumed from a checkpoint continues as the uninterrupted run would have.
 */
public final class TcnTrainer {
    static final String LATEST = "latest.zip";
    static final String BEST = "best.zip";
    /** Card metric: validation NLL per step of the kept weights. */
    public static final String VALID_NLL = "valid_nll_per_step";

    private TcnTrainer() {
    }

    /**
     * @param batchSize pieces per batch
     * @param transposeAugment shift each piece by a random -n..n semitones every epoch (0: never)
     * @param keysInC the training pieces are all in C major / C minor (recorded in the card)
     * @param checkpoints folder for {@code latest.zip} and {@code best.zip} after every epoch; null for none
     * @param resume continue from the checkpoints folder's {@code latest.zip} when it exists
     */
    public record Options(TcnArchitecture architecture, int epochs, int batchSize, double learningRate, long seed,
                          int transposeAugment, boolean keysInC, Path checkpoints, boolean resume) {
        public Options {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || transposeAugment < 0 || transposeAugment > 11) {
                throw new IllegalArgumentException("epochs and batch size must be >= 1, the learning rate > 0, "
                        + "transposition 0..11");
            }
        }

        public static Options defaults() {
            return new Options(TcnArchitecture.DEFAULT, 20, 8, 1e-3, 1, 0, false, null, false);
        }

        public Options withArchitecture(TcnArchitecture a) {
            return new Options(a, epochs, batchSize, learningRate, seed, transposeAugment, keysInC, checkpoints, resume);
        }

        public Options withEpochs(int n) {
            return new Options(architecture, n, batchSize, learningRate, seed, transposeAugment, keysInC, checkpoints, resume);
        }

        public Options withBatchSize(int n) {
            return new Options(architecture, epochs, n, learningRate, seed, transposeAugment, keysInC, checkpoints, resume);
        }

        public Options withLearningRate(double lr) {
            return new Options(architecture, epochs, batchSize, lr, seed, transposeAugment, keysInC, checkpoints, resume);
        }

        public Options withSeed(long s) {
            return new Options(architecture, epochs, batchSize, learningRate, s, transposeAugment, keysInC, checkpoints, resume);
        }

        public Options withTransposeAugment(int n) {
            return new Options(architecture, epochs, batchSize, learningRate, seed, n, keysInC, checkpoints, resume);
        }

        public Options withKeysInC(boolean k) {
            return new Options(architecture, epochs, batchSize, learningRate, seed, transposeAugment, k, checkpoints, resume);
        }

        public Options withCheckpoints(Path folder, boolean resumeFromIt) {
            return new Options(architecture, epochs, batchSize, learningRate, seed, transposeAugment, keysInC, folder, resumeFromIt);
        }
    }

    /**
     * @param trainNll mean training loss per step (with dropout on), same units as the NLL
     * @param validNll validation NLL per step, NaN without a validation corpus
     */
    public record EpochReport(int epoch, double trainNll, double validNll, double seconds, double stepsPerSecond) {
    }

    /** The best model (its card carries the metrics) and one report per epoch trained in this call. */
    public record Result(TcnModel model, List<EpochReport> epochs) {
    }

    /**
     * @param validation scored after every epoch to pick the best weights; null keeps the last
     * @throws CancelledException when cancelled; the checkpoints of finished epochs stay on disk
     */
    public static Result train(Corpus training, Corpus validation, Options options, Progress progress)
            throws CancelledException, BadInputException, IOException {
        return train(training, validation, options, progress, EpochListener.NONE);
    }

    /** As {@link #train(Corpus, Corpus, Options, Progress)}, telling {@code listener} each epoch's training and validation NLL. */
    public static Result train(Corpus training, Corpus validation, Options options, Progress progress, EpochListener listener)
            throws CancelledException, BadInputException, IOException {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("no training pieces");
        }
        RollFormat format = training.format();
        TcnModel model;
        TcnModel best = null;
        int firstEpoch = 1;
        double bestNll = Double.POSITIVE_INFINITY;
        double secondsBefore = 0;
        Path latestFile = options.checkpoints() == null ? null : options.checkpoints().resolve(LATEST);
        if (options.resume() && latestFile != null && Files.exists(latestFile)) {
            model = ModelFile.read(latestFile, true);
            if (!model.format().equals(format) || !model.card().tcn().equals(options.architecture())) {
                throw new BadInputException(latestFile, null, "the checkpoint was trained with another architecture or roll format",
                        "start afresh without --resume or use another checkpoint folder");
            }
            firstEpoch = model.card().epochs() + 1;
            secondsBefore = model.card().trainingSeconds();
            Path bestFile = options.checkpoints().resolve(BEST);
            if (Files.exists(bestFile)) {
                best = ModelFile.read(bestFile, false);
                bestNll = best.card().metrics().getOrDefault(VALID_NLL, Double.POSITIVE_INFINITY);
            }
            progress.update(-1, "resuming after epoch " + model.card().epochs());
        } else {
            ComputationGraph graph = TcnNetwork.build(options.architecture(), format, options.seed(), options.learningRate());
            model = new TcnModel(graph, card(training, validation, options, format));
        }

        List<EpochReport> reports = new ArrayList<>();
        int batchesPerEpoch = epochBatches(training.pieces(), options, firstEpoch).size();
        int epochsToRun = options.epochs() - firstEpoch + 1;
        long started = System.nanoTime();
        int batchesDone = 0;
        for (int epoch = firstEpoch; epoch <= options.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            Nd4j.getRandom().setSeed(options.seed() * 1_000_003L + epoch);
            List<List<Piece>> batches = epochBatches(training.pieces(), options, epoch);
            double lossSum = 0;
            long stepSum = 0;
            for (int b = 0; b < batches.size(); b++) {
                progress.checkCancelled();
                List<Piece> pieces = batches.get(b);
                SequenceBatch batch = SequenceBatch.of(pieces.stream().map(Piece::roll).toList(),
                        pieces.stream().map(Piece::key).toList(), options.architecture().keyConditioned());
                model.graph().fit(batch.dataSet());
                int steps = 0;
                for (int s : batch.stepsPerPiece) {
                    steps += s;
                }
                // DL4J's score is the loss summed over steps and outputs, divided by the pieces in the batch.
                lossSum += model.graph().score() * pieces.size();
                stepSum += steps;
                batchesDone++;
                double elapsed = (System.nanoTime() - started) / 1e9;
                long remaining = (long) epochsToRun * batchesPerEpoch - batchesDone;
                progress.update((epoch - 1 + (b + 1.0) / batches.size()) / options.epochs(),
                        String.format("epoch %d/%d, batch %d/%d, loss %.3f, ETA %s", epoch, options.epochs(), b + 1,
                                batches.size(), lossSum / stepSum, eta(elapsed / batchesDone * remaining)));
            }
            double validNll = Double.NaN;
            if (validation != null && !validation.isEmpty()) {
                validNll = NllEvaluator.evaluate(model, validation, Progress.NONE).nllPerStep();
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            reports.add(new EpochReport(epoch, lossSum / stepSum, validNll, seconds, stepSum / seconds));
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("train NLL", lossSum / stepSum);
            figures.put("valid NLL", validNll);
            listener.epochDone(epoch, options.epochs(), figures);
            double totalSeconds = secondsBefore + (System.nanoTime() - started) / 1e9;
            boolean improved = Double.isNaN(validNll) || validNll < bestNll;
            model = model.withCard(model.card().withProgress(epoch, improved ? epoch : best.card().bestEpoch(), totalSeconds));
            if (improved) {
                bestNll = Double.isNaN(validNll) ? bestNll : validNll;
                ModelCard card = Double.isNaN(validNll) ? model.card() : model.card().withMetric(VALID_NLL, validNll);
                best = new TcnModel(model.graph().clone(), card);
            }
            best = best.withCard(best.card().withProgress(epoch, best.card().bestEpoch(), totalSeconds));
            if (options.checkpoints() != null) {
                ModelFile.write(model, latestFile, true);
                ModelFile.write(best, options.checkpoints().resolve(BEST), false);
            }
            progress.update((double) epoch / options.epochs(), String.format("epoch %d/%d done: train %.3f, valid %.3f nats/step, %.0f s",
                    epoch, options.epochs(), lossSum / stepSum, validNll, seconds));
        }
        if (best == null) {
            best = model;
        }
        return new Result(best, reports);
    }

    private static ModelCard card(Corpus training, Corpus validation, Options options, RollFormat format) {
        return new ModelCard(ModelCard.FORMAT_VERSION, ModelCard.TCN, options.architecture(), format, options.keysInC(),
                new ModelCard.TrainingData(training.source(), training.pieces().size(), training.steps(),
                        validation == null ? null : validation.source(), options.transposeAugment()),
                null, options.seed(), 0, 0, 0, Instant.now().toString(), null);
    }

    /**
     * This epoch's batches: pieces shuffled, transposed when augmenting, then sorted by length within
     * pools of eight batches (little padding, still random), and the batches shuffled.
     */
    static List<List<Piece>> epochBatches(List<Piece> pieces, Options options, int epoch) {
        Random random = new Random(options.seed() * 7_919L + epoch);
        List<Piece> order = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            order.add(options.transposeAugment() == 0 ? p : transposed(p, random, options.transposeAugment()));
        }
        Collections.shuffle(order, random);
        int pool = options.batchSize() * 8;
        List<List<Piece>> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += pool) {
            List<Piece> group = new ArrayList<>(order.subList(from, Math.min(order.size(), from + pool)));
            group.sort(Comparator.comparingInt(p -> p.roll().steps()));
            for (int i = 0; i < group.size(); i += options.batchSize()) {
                batches.add(group.subList(i, Math.min(group.size(), i + options.batchSize())));
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    private static Piece transposed(Piece piece, Random random, int range) {
        int shift = random.nextInt(2 * range + 1) - range;
        return piece.roll().transposed(shift)
                .map(r -> new Piece(piece.name(), r, new MusicalKey(Math.floorMod(piece.key().tonic() + shift, 12), piece.key().minor())))
                .orElse(piece);
    }

    private static String eta(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
