package fermata.core.compose;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Pieces padded to one length, in DL4J's recurrent layout [piece, feature, step]. The input at
 * step t is the roll's step t - 1 (a silent step before the first), the label is step t itself,
 * so a causal network predicts every step, the first included, from the steps before it.
 * Padding sits after a piece's end and is masked out of the labels; a causal network cannot let
 * it reach the real steps, so the inputs need no mask.
 */
final class SequenceBatch {
    final INDArray features;
    final INDArray labels;
    final INDArray labelMask;
    /** The labels on the host, [piece][feature][step] flattened, for scoring without a device copy. */
    final float[] hostLabels;
    final int length;
    final int[] stepsPerPiece;

    private SequenceBatch(INDArray features, INDArray labels, INDArray labelMask, float[] hostLabels, int length,
                          int[] stepsPerPiece) {
        this.features = features;
        this.labels = labels;
        this.labelMask = labelMask;
        this.hostLabels = hostLabels;
        this.length = length;
        this.stepsPerPiece = stepsPerPiece;
    }

    static SequenceBatch of(List<PianoRoll> rolls, List<MusicalKey> keys, boolean keyConditioned) {
        int length = 0;
        for (PianoRoll r : rolls) {
            length = Math.max(length, r.steps());
        }
        RollFormat format = rolls.get(0).format();
        int width = format.featuresPerStep();
        int nIn = width + (keyConditioned ? MusicalKey.COUNT : 0);
        int n = rolls.size();
        float[] in = new float[n * nIn * length];
        float[] out = new float[n * width * length];
        float[] mask = new float[n * length];
        float[] step = new float[width];
        int[] steps = new int[n];
        for (int i = 0; i < n; i++) {
            PianoRoll roll = rolls.get(i);
            steps[i] = roll.steps();
            for (int t = 0; t < roll.steps(); t++) {
                roll.writeStepVector(t, step, 0);
                mask[i * length + t] = 1;
                for (int f = 0; f < width; f++) {
                    out[(i * width + f) * length + t] = step[f];
                    if (t + 1 < length) {
                        in[(i * nIn + f) * length + t + 1] = step[f];
                    }
                }
            }
            if (keyConditioned) {
                int keyRow = (i * nIn + width + keys.get(i).index()) * length;
                for (int t = 0; t < length; t++) {
                    in[keyRow + t] = 1;
                }
            }
        }
        return new SequenceBatch(Nd4j.create(in, new long[] {n, nIn, length}, 'c'),
                Nd4j.create(out, new long[] {n, width, length}, 'c'),
                Nd4j.create(mask, new long[] {n, length}, 'c'), out, length, steps);
    }

    MultiDataSet dataSet() {
        return new MultiDataSet(new INDArray[] {features}, new INDArray[] {labels}, null, new INDArray[] {labelMask});
    }
}
