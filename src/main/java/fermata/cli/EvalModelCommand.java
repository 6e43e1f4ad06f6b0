package fermata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.compose.CompositionModel;
import fermata.core.compose.ComputeBackend;
import fermata.core.compose.MuseGanEvaluation;
import fermata.core.compose.RollFormat;
import fermata.core.compose.Corpus;
import fermata.core.compose.JsonCorpus;
import fermata.core.compose.ModelFile;
import fermata.core.compose.NllEvaluator;
import fermata.core.compose.TcnModel;
import fermata.core.error.BadInputException;
import fermata.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fermata eval-model}: the frame-level NLL of a model on a data set split, and the MuseGAN metrics of its music beside the data's. */
@Command(name = "eval-model", mixinStandardHelpOptions = true,
        description = "Score a composition model on a JSON data set split: for a tcn model the mean over all steps of "
                + "-sum_p log P(x_t,p | x_<t) in nats (the polyphonic-music literature's NLL); for either model the MuseGAN metrics "
                + "(empty-bar rate, used pitch classes per bar, qualified-note rate, polyphony, tonal distance) of generated "
                + "music beside the same metrics of the split, all as four voices in bars of 4/4.")
public final class EvalModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "Model file.")
    Path model;

    @Option(names = "--dataset", required = true, paramLabel = "FILE.json", description = "Data set file.")
    Path dataset;

    @Option(names = "--split", defaultValue = "test", description = "Split to score; default ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--threads", paramLabel = "N", description = "Cap ND4J's threads (1 is fastest on a busy machine).")
    Integer threads;

    @Option(names = "--samples", defaultValue = "32", description = "Pieces generated for the MuseGAN metrics; default ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--bars", defaultValue = "8", description = "Bars per generated piece; default ${DEFAULT-VALUE}.")
    int bars;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature of the generated pieces; default ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first sample; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    private static Double finite(double value) {
        return Double.isNaN(value) ? null : value;
    }

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            try {
                ComputeBackend.limitThreads(threads);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }
        CompositionModel loaded = ModelFile.load(model);
        if (!Files.isRegularFile(dataset)) {
            throw new BadInputException(dataset, null, "no such data set file", "check the path");
        }
        if (samples < 1 || bars < 1) {
            throw new CliException("--samples and --bars must be at least 1");
        }
        RollFormat format = loaded.format();
        Corpus corpus = JsonCorpus.read(dataset, split, format.stepsPerBeat());
        long started = System.nanoTime();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", model.toString());
        report.put("architecture", loaded.card().architecture());
        report.put("dataset", dataset.toString());
        report.put("split", split);
        PrintWriter out = spec.commandLine().getOut();
        if (loaded instanceof TcnModel tcn) {
            if (format.tracks() != 1 || format.onsets() || format.lowPitch() != 21 || format.pitchCount() != 88) {
                throw new BadInputException(model, null, "the model reads " + format + ", not the data sets' one track of "
                        + "sounding pitches 21..108", "score it on data in its own format");
            }
            NllEvaluator.Result result = NllEvaluator.evaluate(tcn, corpus, Progress.NONE);
            report.put("nll_per_step", result.nllPerStep());
            report.put("nll_per_step_after_first", result.nllPerStepAfterFirst());
            report.put("steps", result.steps());
            report.put("pieces", result.pieces());
            if (!json) {
                out.printf("nll_per_step %.4f (%d steps, %d pieces, %s; %.4f without each piece's first step)%n",
                        result.nllPerStep(), result.steps(), result.pieces(), split, result.nllPerStepAfterFirst());
            }
        }
        MuseGanEvaluation metrics;
        try {
            metrics = MuseGanEvaluation.of(loaded, corpus, samples, bars, temperature, seed, Progress.NONE);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        Map<String, Object> museGan = new LinkedHashMap<>();
        Map<String, Double> data = metrics.data().asMap();
        Map<String, Double> generated = metrics.generated().asMap();
        for (String name : data.keySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("data", finite(data.get(name)));
            row.put("generated", finite(generated.get(name)));
            museGan.put(name, row);
            if (!json) {
                out.printf("%-20s data %7.4f   generated %7.4f%n", name, data.get(name), generated.get(name));
            }
        }
        report.put("musegan", museGan);
        report.put("temperature", temperature);
        report.put("seconds", (System.nanoTime() - started) / 1e9);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report));
        }
        return FermataCommand.EXIT_OK;
    }
}
