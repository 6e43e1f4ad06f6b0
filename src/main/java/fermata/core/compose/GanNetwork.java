package fermata.core.compose;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.GaussianNoise;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

/**
 * The DL4J graphs of a {@link GanArchitecture}. DL4J has no two-player training loop, so the GAN is
 * three graphs whose layers share names: the generator alone (for sampling), the discriminator
 * alone (trained on real and generated bars), and the two stacked (trained to fool the
 * discriminator, whose layers there have a no-op updater so only the generator learns). After each
 * update the changed weights are copied across by layer name.
 */
final class GanNetwork {
    static final String NOISE = "noise";
    /** Standard deviation of the noise added to the discriminator's input while training. */
    static final double INSTANCE_NOISE = 0.1;
    static final String CONDITION = "condition";
    static final String BAR = "bar";
    static final String GENERATED = "g-bar";
    static final String VERDICT = "d-verdict";
    static final List<String> GENERATOR_LAYERS = List.of("g-dense1", "g-dense2", "g-deconv1", GENERATED);
    static final List<String> DISCRIMINATOR_LAYERS = List.of("d-conv1", "d-conv2", "d-dense", VERDICT);

    private GanNetwork() {
    }

    static ComputationGraph generator(GanArchitecture arch, RollFormat format, long seed, double learningRate) {
        ComputationGraphConfiguration.GraphBuilder g = builder(seed, learningRate).addInputs(NOISE, CONDITION)
                .setInputTypes(InputType.feedForward(arch.noise()), InputType.feedForward(arch.conditionWidth(format)));
        addGenerator(g, arch, format);
        g.setOutputs(GENERATED);
        return init(g);
    }

    static ComputationGraph discriminator(GanArchitecture arch, RollFormat format, long seed, double learningRate) {
        ComputationGraphConfiguration.GraphBuilder g = builder(seed, learningRate).addInputs(BAR, CONDITION)
                .setInputTypes(InputType.convolutional(arch.stepsPerBar(), arch.columns(format), format.tracks()),
                        InputType.feedForward(arch.conditionWidth(format)));
        addDiscriminator(g, arch, format, BAR, null);
        g.setOutputs(VERDICT);
        return init(g);
    }

    /** Generator then discriminator; only the generator's layers learn. */
    static ComputationGraph stacked(GanArchitecture arch, RollFormat format, long seed, double learningRate) {
        ComputationGraphConfiguration.GraphBuilder g = builder(seed, learningRate).addInputs(NOISE, CONDITION)
                .setInputTypes(InputType.feedForward(arch.noise()), InputType.feedForward(arch.conditionWidth(format)));
        addGenerator(g, arch, format);
        addDiscriminator(g, arch, format, GENERATED, new NoOp());
        g.setOutputs(VERDICT);
        return init(g);
    }

    private static ComputationGraphConfiguration.GraphBuilder builder(long seed, double learningRate) {
        // DCGAN's Adam setting (beta1 0.5) keeps the two players from oscillating.
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .updater(new Adam(learningRate, 0.5, 0.999, 1e-8)).weightInit(WeightInit.XAVIER).graphBuilder();
    }

    private static ComputationGraph init(ComputationGraphConfiguration.GraphBuilder g) {
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }

    private static void addGenerator(ComputationGraphConfiguration.GraphBuilder g, GanArchitecture arch, RollFormat format) {
        int steps = arch.stepsPerBar() / 4;
        int pitches = arch.columns(format) / 4;
        int wide = 2 * arch.filters();
        g.addVertex("g-input", new MergeVertex(), NOISE, CONDITION);
        g.addLayer("g-dense1", new DenseLayer.Builder().nOut(arch.hidden()).activation(Activation.RELU).build(), "g-input");
        g.addLayer("g-dense2", new DenseLayer.Builder().nOut(wide * steps * pitches).activation(Activation.RELU).build(), "g-dense1");
        g.addLayer("g-deconv1", new Deconvolution2D.Builder().kernelSize(2, 2).stride(2, 2).nOut(arch.filters())
                .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build(), "g-dense2");
        g.inputPreProcessor("g-deconv1", new FeedForwardToCnnPreProcessor(steps, pitches, wide));
        g.addLayer(GENERATED, new Deconvolution2D.Builder().kernelSize(2, 2).stride(2, 2).nOut(format.tracks())
                .convolutionMode(ConvolutionMode.Truncate).activation(Activation.SIGMOID).build(), "g-deconv1");
    }

    private static void addDiscriminator(ComputationGraphConfiguration.GraphBuilder g, GanArchitecture arch, RollFormat format,
                                         String input, IUpdater frozen) {
        int steps = arch.stepsPerBar() / 4;
        int pitches = arch.columns(format) / 4;
        int wide = 2 * arch.filters();
        // Instance noise: real bars are exactly 0 or 1 and generated ones are not, which a clean
        // discriminator learns at once; noise on its input while training hides that cue.
        ConvolutionLayer.Builder conv1 = new ConvolutionLayer.Builder(2, 2).stride(2, 2).nOut(arch.filters())
                .convolutionMode(ConvolutionMode.Truncate).activation(Activation.LEAKYRELU).dropOut(new GaussianNoise(INSTANCE_NOISE));
        ConvolutionLayer.Builder conv2 = new ConvolutionLayer.Builder(2, 2).stride(2, 2).nOut(wide)
                .convolutionMode(ConvolutionMode.Truncate).activation(Activation.LEAKYRELU);
        DenseLayer.Builder dense = new DenseLayer.Builder().nOut(arch.hidden()).activation(Activation.LEAKYRELU);
        OutputLayer.Builder verdict = new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID);
        if (frozen != null) {
            conv1.updater(frozen);
            conv2.updater(frozen);
            dense.updater(frozen);
            verdict.updater(frozen);
        }
        g.addLayer("d-conv1", conv1.build(), input);
        g.addLayer("d-conv2", conv2.build(), "d-conv1");
        g.addVertex("d-flat", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(steps, pitches, wide)), "d-conv2");
        g.addVertex("d-input", new MergeVertex(), "d-flat", CONDITION);
        g.addLayer("d-dense", dense.build(), "d-input");
        g.addLayer(VERDICT, verdict.build(), "d-dense");
    }
}
