package fermata.core.compose;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Scores a model on a corpus with {@link FrameNll}: the literature's per-step negative log-likelihood. */
public final class NllEvaluator {
    private NllEvaluator() {
    }

    /**
     * @param nllPerStep mean over every step of every piece of -sum_p log P(x_t,p | x_&lt;t)
     * @param nllPerStepAfterFirst the same without each piece's first step, which the reference TCN
     *     code never predicts (it feeds step 1 and scores steps 2..T); comparable with its figures
     */
    public record Result(double nllPerStep, long steps, int pieces, double nllPerStepAfterFirst) {
    }

    public static Result evaluate(TcnModel model, Corpus corpus, Progress progress) throws CancelledException {
        if (!corpus.format().equals(model.format())) {
            throw new IllegalArgumentException("the corpus has format " + corpus.format() + ", the model reads " + model.format());
        }
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("no pieces to evaluate");
        }
        List<List<Piece>> batches = batchesByLength(corpus.pieces(), 16);
        double sum = 0;
        double firstSteps = 0;
        long steps = 0;
        int width = model.format().featuresPerStep();
        for (int b = 0; b < batches.size(); b++) {
            progress.checkCancelled();
            List<Piece> pieces = batches.get(b);
            SequenceBatch batch = SequenceBatch.of(pieces.stream().map(Piece::roll).toList(),
                    pieces.stream().map(Piece::key).toList(), model.card().tcn().keyConditioned());
            float[] out = model.output(batch.features);
            int length = batch.length;
            for (int i = 0; i < pieces.size(); i++) {
                for (int f = 0; f < width; f++) {
                    int row = (i * width + f) * length;
                    for (int t = 0; t < batch.stepsPerPiece[i]; t++) {
                        double term = FrameNll.term(out[row + t], batch.hostLabels[row + t] > 0.5f);
                        sum -= term;
                        if (t == 0) {
                            firstSteps -= term;
                        }
                    }
                }
                steps += batch.stepsPerPiece[i];
            }
            progress.update((b + 1.0) / batches.size(), "evaluated " + (b + 1) + "/" + batches.size() + " batches");
        }
        int pieces = corpus.pieces().size();
        return new Result(sum / steps, steps, pieces, steps > pieces ? (sum - firstSteps) / (steps - pieces) : Double.NaN);
    }

    /** Pieces sorted by length and cut into groups, so padding stays small. */
    static List<List<Piece>> batchesByLength(List<Piece> pieces, int batchSize) {
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingInt((Piece p) -> p.roll().steps()).thenComparing(Piece::name));
        List<List<Piece>> batches = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += batchSize) {
            batches.add(sorted.subList(i, Math.min(sorted.size(), i + batchSize)));
        }
        return batches;
    }
}
