package fermata.core.compose;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * A trained causal TCN with its card: predicts, for every step of a roll, the probability of each
 * cell from the steps before it. Not thread-safe (a DL4J graph keeps per-call workspaces).
 */
public final class TcnModel implements CompositionModel {
    private final ComputationGraph graph;
    private final ModelCard card;

    TcnModel(ComputationGraph graph, ModelCard card) {
        this.graph = graph;
        this.card = card;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public RollFormat format() {
        return card.roll();
    }

    /** The same weights with another card. */
    public TcnModel withCard(ModelCard next) {
        return new TcnModel(graph, next);
    }

    ComputationGraph graph() {
        return graph;
    }

    /** Number of trainable parameters. */
    @Override
    public long parameterCount() {
        return graph.numParams();
    }

    /**
     * P(cell on at step t | steps before t) for every step of the roll, [step][feature].
     *
     * @param key used when the model is key-conditioned, ignored otherwise
     */
    public float[][] predict(PianoRoll roll, MusicalKey key) {
        SequenceBatch batch = SequenceBatch.of(List.of(roll), List.of(key), card.tcn().keyConditioned());
        float[] out = output(batch.features);
        int width = format().featuresPerStep();
        float[][] result = new float[roll.steps()][width];
        for (int t = 0; t < roll.steps(); t++) {
            for (int f = 0; f < width; f++) {
                result[t][f] = out[f * batch.length + t];
            }
        }
        return result;
    }

    /**
     * The prediction for the step after a window of input vectors: [feature] for the last column.
     *
     * @param window input vectors, [1, inputWidth, w], already shifted (column 0 is the silent start or an older step)
     */
    float[] predictLast(INDArray window) {
        INDArray out = graph.output(false, window)[0];
        long last = out.size(2) - 1;
        return out.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(last)).toFloatVector();
    }

    /** Output probabilities for a batch, flattened [piece][feature][step] in C order. */
    float[] output(INDArray features) {
        INDArray out = graph.output(false, features)[0];
        return out.dup('c').data().asFloat();
    }

    /** Input vectors are the model's step vectors plus the key one-hot when conditioned. */
    int inputWidth() {
        return TcnNetwork.inputWidth(card.tcn(), format());
    }

    /** A batch of the given shape holding zeros, for callers that fill windows in place. */
    static INDArray zeros(int width, int length) {
        return Nd4j.zeros(DataType.FLOAT, 1, width, length);
    }
}
