package fermata.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.library.recommend.FeedbackDataset;
import fermata.core.library.recommend.ModelKind;
import fermata.core.library.recommend.OfflineEvaluation;
import fermata.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fermata recommend-eval}: offline accuracy of a recommender model on an implicit-feedback data set. */
@Command(name = "recommend-eval", mixinStandardHelpOptions = true,
        description = "Evaluate a recommender on a user-item-plays file (HetRec's user_artists.dat layout): a random 20% of "
                + "each user's items held out, the full catalogue ranked without training items; prints Recall@K "
                + "(hits / min(K, held out)), NDCG@K, HR@K, catalogue coverage and seconds.")
public final class RecommendEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "Tab-separated user, item, plays (one header line allowed).")
    Path dataset;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "popularity, itemknn, ease or ials.")
    String model;

    @Option(names = "--k", defaultValue = "20", description = "List length; default ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the hold-out split and of ALS; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ModelKind kind = ModelKind.byName(model).orElseThrow(() -> new CliException("--model " + model + ": unknown model. Use one of "
                + Arrays.stream(ModelKind.values()).map(ModelKind::cliName).collect(Collectors.joining(", "))));
        if (k < 1) {
            throw new CliException("--k " + k + ": the list length must be at least 1");
        }
        CliFiles.requireReadable(dataset);
        FeedbackDataset data = FeedbackDataset.readTabSeparated(dataset);
        spec.commandLine().getErr().printf("%s: %d users, %d items, %d entries; evaluating %s%n", dataset,
                data.interactions().users(), data.interactions().items(), data.interactions().entries(), kind.cliName());
        OfflineEvaluation.Result r = OfflineEvaluation.run(data.interactions(), kind, k, seed, Progress.NONE);
        ObjectNode report = CliJson.MAPPER.createObjectNode();
        report.put("model", kind.cliName());
        report.put("dataset", dataset.toString());
        report.put("k", k);
        report.put("seed", seed);
        report.put("recall_at_k", r.recall());
        report.put("ndcg_at_k", r.ndcg());
        report.put("hr_at_k", r.hitRate());
        report.put("coverage", r.coverage());
        report.put("seconds", CliJson.round(r.seconds()));
        report.put("cpu_seconds", CliJson.round(r.cpuSeconds()));
        report.put("users_evaluated", r.listeners());
        report.put("items", r.items());
        CliJson.print(report, json, spec.commandLine().getOut());
        return FermataCommand.EXIT_OK;
    }
}
