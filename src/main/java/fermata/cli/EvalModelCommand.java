package fermata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.compose.ComputeBackend;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fermata eval-model}: the frame-level NLL of a model on a data set split. */
@Command(name = "eval-model", mixinStandardHelpOptions = true,
        description = "Score a composition model on a JSON data set split: the mean over all steps of "
                + "-sum_p log P(x_t,p | x_<t) in nats (the polyphonic-music literature's NLL).")
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

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            try {
                ComputeBackend.limitThreads(threads);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }
        TcnModel tcn = ModelFile.read(model);
        if (!Files.isRegularFile(dataset)) {
            throw new BadInputException(dataset, null, "no such data set file", "check the path");
        }
        if (tcn.format().tracks() != 1 || tcn.format().onsets() || tcn.format().lowPitch() != 21 || tcn.format().pitchCount() != 88) {
            throw new BadInputException(model, null, "the model reads " + tcn.format() + ", not the data sets' one track of "
                    + "sounding pitches 21..108", "score it on data in its own format");
        }
        Corpus corpus = JsonCorpus.read(dataset, split, tcn.format().stepsPerBeat());
        long started = System.nanoTime();
        NllEvaluator.Result result = NllEvaluator.evaluate(tcn, corpus, Progress.NONE);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("model", model.toString());
            report.put("dataset", dataset.toString());
            report.put("split", split);
            report.put("nll_per_step", result.nllPerStep());
            report.put("nll_per_step_after_first", result.nllPerStepAfterFirst());
            report.put("steps", result.steps());
            report.put("pieces", result.pieces());
            report.put("seconds", seconds);
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(report));
        } else {
            spec.commandLine().getOut().printf("nll_per_step %.4f (%d steps, %d pieces, %s; %.4f without each piece's first step)%n",
                    result.nllPerStep(), result.steps(), result.pieces(), split, result.nllPerStepAfterFirst());
        }
        return FermataCommand.EXIT_OK;
    }
}
