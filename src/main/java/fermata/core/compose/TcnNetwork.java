package fermata.core.compose;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds the DL4J graph of a {@link TcnArchitecture} for a roll format. */
final class TcnNetwork {
    static final String INPUT = "steps";
    static final String OUTPUT = "next";

    private TcnNetwork() {
    }

    /** Input width: the step vector, plus the key one-hot when conditioned. */
    static int inputWidth(TcnArchitecture arch, RollFormat format) {
        return format.featuresPerStep() + (arch.keyConditioned() ? MusicalKey.COUNT : 0);
    }

    static ComputationGraph build(TcnArchitecture arch, RollFormat format, long seed, double learningRate) {
        int nIn = inputWidth(arch, format);
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.recurrent(nIn));
        String previous = INPUT;
        int previousChannels = nIn;
        for (int level = 0; level < arch.levels(); level++) {
            int dilation = 1 << level;
            String block = "block" + level;
            String first = convolution(g, block + "-conv1", previous, arch, dilation);
            String second = convolution(g, block + "-conv2", first, arch, dilation);
            String shortcut = previous;
            if (previousChannels != arch.channels()) {
                // A 1x1 convolution matches the residual's width to the block's, as in the TCN paper.
                g.addLayer(block + "-shortcut", new Convolution1DLayer.Builder().kernelSize(1).nOut(arch.channels())
                        .convolutionMode(ConvolutionMode.Causal).activation(Activation.IDENTITY).build(), previous);
                shortcut = block + "-shortcut";
            }
            g.addVertex(block + "-sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), second, shortcut);
            g.addLayer(block, new ActivationLayer.Builder().activation(Activation.RELU).build(), block + "-sum");
            previous = block;
            previousChannels = arch.channels();
        }
        g.addLayer(OUTPUT, new RnnOutputLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID)
                .nOut(format.featuresPerStep()).build(), previous);
        g.setOutputs(OUTPUT);
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }

    private static String convolution(ComputationGraphConfiguration.GraphBuilder g, String name, String input,
                                      TcnArchitecture arch, int dilation) {
        g.addLayer(name, new Convolution1DLayer.Builder().kernelSize(arch.kernelSize()).dilation(dilation)
                .convolutionMode(ConvolutionMode.Causal).nOut(arch.channels()).activation(Activation.RELU).build(), input);
        if (arch.dropout() == 0) {
            return name;
        }
        // DL4J's Dropout takes the probability of keeping an activation.
        g.addLayer(name + "-dropout", new DropoutLayer.Builder().dropOut(new Dropout(1 - arch.dropout())).build(), name);
        return name + "-dropout";
    }
}
