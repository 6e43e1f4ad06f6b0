package fermata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.library.LibraryDatabase;
import fermata.core.library.LibraryException;
import fermata.core.library.LibraryRecommender;
import fermata.core.library.Recommendation;
import fermata.core.library.RecommendationMode;
import fermata.core.library.SmartPlaylists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fermata recommend}: tracks of the library to play, each with why. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend tracks of your library from your listening history: for-you (what fits now), like (more like "
                + "--seed-track), rediscover (loved, not played lately), continue (what to play after --seed-track). "
                + "Each result says why.")
public final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LibraryHome home;

    @Option(names = "--mode", defaultValue = "for-you", paramLabel = "MODE",
            description = "for-you, like, rediscover or continue; default ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--seed-track", paramLabel = "PATH", description = "A library file: the seed of 'like', the current track of 'continue'.")
    Path seedTrack;

    @Option(names = "--n", defaultValue = "20", description = "How many tracks; default ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--save-as", paramLabel = "NAME", description = "Also save this request as a smart playlist.")
    String saveAs;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        RecommendationMode chosen = RecommendationMode.byName(mode).orElseThrow(() -> new CliException("--mode " + mode
                + ": unknown mode. Use one of " + Arrays.stream(RecommendationMode.values()).map(RecommendationMode::cliName)
                .collect(Collectors.joining(", "))));
        if (n < 1) {
            throw new CliException("--n " + n + ": ask for at least one track");
        }
        if ((chosen == RecommendationMode.LIKE || chosen == RecommendationMode.CONTINUE) && seedTrack == null) {
            throw new CliException("--mode " + chosen.cliName() + " needs --seed-track PATH (a file of your library)");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (LibraryDatabase db = home.open()) {
            LibraryRecommender recommender = LibraryRecommender.train(db, ZoneId.systemDefault(), 42, LibraryHome.stderr(err));
            long started = System.nanoTime();
            List<Recommendation> list = recommender.recommend(chosen, seedTrack, n, System.currentTimeMillis());
            double millis = (System.nanoTime() - started) / 1e6;
            if (saveAs != null) {
                new SmartPlaylists(db).save(saveAs, new SmartPlaylists.Rule(chosen, seedTrack, n, null));
            }
            if (json) {
                ObjectNode report = CliJson.MAPPER.createObjectNode();
                report.put("mode", chosen.cliName());
                report.put("answer_ms", CliJson.round(millis));
                report.put("blend", recommender.blend().toString());
                ArrayNode tracks = report.putArray("tracks");
                for (Recommendation r : list) {
                    tracks.addObject().put("path", r.track().path().toString()).put("artist", r.track().displayArtist())
                            .put("title", r.track().displayTitle()).put("score", CliJson.round(r.score())).put("why", r.explanation());
                }
                CliJson.print(report, true, spec.commandLine().getOut());
            } else {
                PrintWriter out = spec.commandLine().getOut();
                if (list.isEmpty()) {
                    out.println("nothing to recommend yet: add and scan folders (fermata library add DIR), then play or import history");
                }
                int rank = 1;
                for (Recommendation r : list) {
                    out.printf("%2d. %s - %s%n    %s%n    %s%n", rank++, r.track().displayArtist(), r.track().displayTitle(),
                            r.explanation(), r.track().path());
                }
                out.flush();
            }
        } catch (LibraryException e) {
            throw new CliException(e.getMessage());
        }
        return FermataCommand.EXIT_OK;
    }
}
