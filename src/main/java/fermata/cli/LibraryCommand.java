package fermata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.library.LibraryDatabase;
import fermata.core.library.LibraryException;
import fermata.core.library.LibraryScanner;
import fermata.core.library.ScanReport;
import fermata.core.library.FeatureAnalysis;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fermata library add DIR} and {@code fermata library scan}: the music library's folders and index. */
@Command(name = "library", mixinStandardHelpOptions = true,
        description = "Manage the music library: add folders, scan them for music files (tags, duration), compute audio features.",
        subcommands = {LibraryCommand.Add.class, LibraryCommand.Scan.class})
public final class LibraryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a sub-command: add or scan");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a folder of music to the library (scan it with 'library scan').")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        LibraryHome home;

        @Parameters(paramLabel = "DIR", description = "Folder of music files.")
        Path folder;

        @Option(names = "--json", description = "Print the result as JSON on stdout.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(folder)) {
                throw new CliException(folder + ": not a folder. Name an existing folder of music files");
            }
            try (LibraryDatabase db = home.open()) {
                LibraryScanner scanner = new LibraryScanner(db);
                Path added = scanner.addFolder(folder);
                ObjectNode report = CliJson.MAPPER.createObjectNode();
                report.put("added", added.toString());
                report.put("database", db.file().toString());
                ArrayNode folders = report.putArray("folders");
                scanner.folders().forEach(f -> folders.add(f.toString()));
                CliJson.print(report, json, spec.commandLine().getOut());
            }
            return FermataCommand.EXIT_OK;
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Scan the library's folders: read new and changed files, forget removed ones, report unreadable ones.")
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        LibraryHome home;

        @Option(names = "--features", description = "Also compute audio features (tempo, key, loudness, timbre) of tracks that lack them.")
        boolean features;

        @Option(names = "--json", description = "Print the result as JSON on stdout.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (LibraryDatabase db = home.open()) {
                LibraryScanner scanner = new LibraryScanner(db);
                if (scanner.folders().isEmpty()) {
                    throw new CliException("the library has no folders yet. Add one with: fermata library add DIR");
                }
                ScanReport r = scanner.scan(LibraryHome.stderr(spec.commandLine().getErr()));
                ObjectNode report = CliJson.MAPPER.createObjectNode();
                report.put("added", r.added());
                report.put("updated", r.updated());
                report.put("unchanged", r.unchanged());
                report.put("removed", r.removed());
                ArrayNode problems = report.putArray("problems");
                for (ScanReport.Problem p : r.problems()) {
                    problems.addObject().put("path", p.path().toString()).put("reason", p.reason());
                }
                if (features) {
                    FeatureAnalysis analysis = new FeatureAnalysis(db);
                    report.put("features_computed", analysis.job().run(LibraryHome.stderr(spec.commandLine().getErr())));
                }
                CliJson.print(report, json, spec.commandLine().getOut());
            } catch (LibraryException e) {
                throw new CliException(e.getMessage());
            }
            return FermataCommand.EXIT_OK;
        }
    }
}
