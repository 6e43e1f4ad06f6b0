package fermata.core.compose;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained bar GAN's generator with its card: turns noise and a condition into the probabilities
 * of one bar's cells. Not thread-safe (a DL4J graph keeps per-call workspaces).
 */
public final class GanModel implements CompositionModel {
    private final ComputationGraph generator;
    private final ModelCard card;

    GanModel(ComputationGraph generator, ModelCard card) {
        this.generator = generator;
        this.card = card;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    public GanArchitecture architecture() {
        return card.gan();
    }

    @Override
    public long parameterCount() {
        return generator.numParams();
    }

    public GanModel withCard(ModelCard next) {
        return new GanModel(generator, next);
    }

    ComputationGraph generator() {
        return generator;
    }

    /**
     * Cell probabilities of one bar per row, flattened [track][step][column] (pitches, then the rest column if any).
     *
     * @param noise [n][noise]
     * @param conditions [n][condition width]
     */
    float[][] bars(float[][] noise, float[][] conditions) {
        INDArray out = generator.outputSingle(false, Nd4j.create(noise).castTo(DataType.FLOAT),
                Nd4j.create(conditions).castTo(DataType.FLOAT));
        int n = noise.length;
        int width = architecture().barWidth(format());
        float[] flat = out.dup('c').data().asFloat();
        float[][] result = new float[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * width, result[i], 0, width);
        }
        return result;
    }
}
