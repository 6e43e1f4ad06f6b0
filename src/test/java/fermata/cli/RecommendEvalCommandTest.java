package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static fermata.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommendEvalCommandTest {
    @TempDir
    Path dir;

    /** 200 users who each love two of ten groups of six artists and played all of them. */
    private Path groupsFile() throws Exception {
        StringBuilder text = new StringBuilder("userID\tartistID\tweight\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int u = 0; u < 200; u++) {
            int a = random.nextInt(10);
            int b = (a + 1 + random.nextInt(9)) % 10;
            for (int group : new int[] {a, b}) {
                for (int i = 0; i < 6; i++) {
                    text.append(1000 + u).append('\t').append(500 + group * 6 + i).append('\t').append(1 + random.nextInt(99)).append('\n');
                }
            }
        }
        Path file = dir.resolve("groups.dat");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void printsTheMetricsAsJsonAndEaseFindsTheHeldOutArtists() throws Exception {
        Path file = groupsFile();
        CliRun ease = run("recommend-eval", "--dataset", file.toString(), "--model", "ease", "--k", "5", "--json");
        assertEquals(0, ease.code(), ease.err());
        JsonNode report = new ObjectMapper().readTree(ease.out());
        for (String key : new String[] {"recall_at_k", "ndcg_at_k", "hr_at_k", "coverage", "seconds"}) {
            assertTrue(report.has(key), key + " in " + ease.out());
        }
        assertTrue(report.get("recall_at_k").asDouble() > 0.95, ease.out());
        assertEquals(60, report.get("items").asInt());
        CliRun popularity = run("recommend-eval", "--dataset", file.toString(), "--model", "popularity", "--k", "5", "--json");
        assertTrue(new ObjectMapper().readTree(popularity.out()).get("recall_at_k").asDouble() < 0.5, popularity.out());
        CliRun text = run("recommend-eval", "--dataset", file.toString(), "--model", "itemknn");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("recall at k: "), text.out());
    }

    @Test
    void badModelMissingFileAndMalformedLinesAreBadInput() throws Exception {
        Path file = groupsFile();
        CliRun model = run("recommend-eval", "--dataset", file.toString(), "--model", "svd");
        assertEquals(2, model.code());
        assertTrue(model.err().contains("popularity, itemknn, ease, ials"), model.err());
        assertEquals(2, run("recommend-eval", "--dataset", dir.resolve("nope.dat").toString(), "--model", "ease").code());
        Path broken = dir.resolve("broken.dat");
        Files.writeString(broken, "userID\tartistID\tweight\n1\t2\t3\n1\tx\t3\n");
        CliRun bad = run("recommend-eval", "--dataset", broken.toString(), "--model", "ease");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("line 3"), bad.err());
    }

    @Test
    void hetrecLastFmMatchesTheReferenceFiguresForTheFastModels() throws Exception {
        // The reference of ../shared/data/README.md (Recall@20, NDCG@20); ALS (about 6 s) is in RecommenderBench.
        Path file = SharedData.require("listening/hetrec2011-lastfm-2k/user_artists.dat");
        Map<String, double[]> reference = Map.of("popularity", new double[] {0.104, 0.099}, "itemknn", new double[] {0.218, 0.227},
                "ease", new double[] {0.266, 0.273});
        for (var entry : reference.entrySet()) {
            CliRun r = run("recommend-eval", "--dataset", file.toString(), "--model", entry.getKey(), "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode report = new ObjectMapper().readTree(r.out());
            assertTrue(report.get("recall_at_k").asDouble() >= entry.getValue()[0] - 0.01, r.out());
            assertTrue(report.get("ndcg_at_k").asDouble() >= entry.getValue()[1] - 0.01, r.out());
            assertTrue(report.get("seconds").asDouble() < 10, r.out());
        }
    }
}
