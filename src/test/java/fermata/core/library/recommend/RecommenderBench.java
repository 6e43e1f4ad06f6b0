package fermata.core.library.recommend;

import fermata.core.task.Progress;
import fermata.testsupport.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every model on HetRec 2011 Last.fm against the reference figures of ../shared/data/README.md and
 * against the same protocol written in numpy (src/test/resources/bench/recommend_reference.py),
 * run in the same breath when python3 with numpy is installed. Seconds cover training and ranking
 * every listener. Run: {@code mvn -q test -Pbench -Dtest=RecommenderBench}; the table goes to
 * target/bench/recommend.md.
 */
@Tag("bench")
class RecommenderBench {
    private static final Map<ModelKind, double[]> REFERENCE = Map.of(
            ModelKind.POPULARITY, new double[] {0.104, 0.099, 0.497},
            ModelKind.ITEM_KNN, new double[] {0.218, 0.227, 0.778},
            ModelKind.EASE, new double[] {0.266, 0.273, 0.874},
            ModelKind.IALS, new double[] {0.268, 0.264, 0.872});

    @Test
    void hetrecLastFmAllModels() throws Exception {
        Path file = SharedData.require("listening/hetrec2011-lastfm-2k/user_artists.dat");
        Interactions all = FeedbackDataset.readTabSeparated(file).interactions();
        OfflineEvaluation.run(all, ModelKind.ITEM_KNN, 20, 1, Progress.NONE); // warm-up of the JIT
        StringBuilder table = new StringBuilder("| model | Recall@20 (ref) | NDCG@20 (ref) | HR@20 (ref) | coverage | Fermata s"
                + " | Fermata CPU s | numpy s | numpy Recall@20 |\n|---|---|---|---|---|---|---|---|---|\n");
        for (ModelKind kind : ModelKind.values()) {
            OfflineEvaluation.Result r = OfflineEvaluation.run(all, kind, 20, 42, Progress.NONE);
            double[] ref = REFERENCE.get(kind);
            String[] peer = numpy(file, kind);
            table.append(String.format(Locale.ROOT, "| %s | %.3f (%.3f) | %.3f (%.3f) | %.3f (%.3f) | %.3f | %.2f | %.2f | %s | %s |%n",
                    kind.cliName(), r.recall(), ref[0], r.ndcg(), ref[1], r.hitRate(), ref[2], r.coverage(), r.seconds(), r.cpuSeconds(),
                    peer[3], peer[0]));
            assertTrue(r.recall() >= ref[0] - 0.01 && r.ndcg() >= ref[1] - 0.01, kind + " below the reference: " + r);
            assertTrue(r.cpuSeconds() < 20, kind + " used " + r.cpuSeconds() + " s of CPU (two cores for 10 s)");
        }
        Path report = Path.of("target", "bench", "recommend.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        System.out.println(table);
    }

    /** recall, ndcg, hr, seconds from the numpy peer, or dashes when python3/numpy is missing. */
    private static String[] numpy(Path file, ModelKind kind) throws IOException, InterruptedException {
        Path script = Path.of("src", "test", "resources", "bench", "recommend_reference.py");
        try {
            Process p = new ProcessBuilder(List.of("python3", script.toString(), file.toString(), kind.cliName()))
                    .redirectErrorStream(true).start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new String[] {"-", "-", "-", "timeout"};
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String[] fields = out.split(" ");
            return p.exitValue() == 0 && fields.length == 4 ? fields : new String[] {"-", "-", "-", "-"};
        } catch (IOException e) {
            return new String[] {"-", "-", "-", "-"};
        }
    }
}
