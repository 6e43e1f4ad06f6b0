package fermata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.library.LibraryDatabase;
import fermata.core.library.history.HistoryFormat;
import fermata.core.library.history.HistoryImporter;
import fermata.core.library.history.ImportReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code fermata history import FILE}: listening history from Spotify, ListenBrainz, Last.fm or iTunes into the library. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Listening history: import exports of other players and services.",
        subcommands = {HistoryCommand.Import.class})
public final class HistoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a sub-command: import");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a history export (idempotent: importing it again adds nothing). Listens are matched to library "
                    + "files by MusicBrainz id or artist and title; unmatched ones are kept. Malformed records are listed and skipped.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        LibraryHome home;

        @Parameters(paramLabel = "FILE", description = "The export file.")
        Path file;

        @Option(names = "--format", paramLabel = "FORMAT", description = "spotify, listenbrainz, lastfm or itunes (default: guessed from the file).")
        String format;

        @Option(names = "--json", description = "Print the report as JSON on stdout.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            HistoryFormat chosen = null;
            if (format != null) {
                chosen = HistoryFormat.byName(format).orElseThrow(() -> new CliException("--format " + format + ": unknown format. Use one of "
                        + Arrays.stream(HistoryFormat.values()).map(HistoryFormat::cliName).collect(Collectors.joining(", "))));
            }
            CliFiles.requireReadable(file);
            try (LibraryDatabase db = home.open()) {
                ImportReport r = new HistoryImporter(db).importFile(file, chosen, LibraryHome.stderr(spec.commandLine().getErr()));
                ObjectNode report = CliJson.MAPPER.createObjectNode();
                report.put("file", file.toString());
                report.put("format", r.format().cliName());
                report.put("matched", r.matched());
                report.put("unmatched", r.unmatched());
                report.put("duplicates", r.duplicates());
                report.put("ignored", r.ignored());
                report.put("malformed_count", r.malformedCount());
                ArrayNode bad = report.putArray("malformed");
                for (ImportReport.Malformed m : r.malformed()) {
                    bad.addObject().put("where", m.where()).put("reason", m.reason());
                }
                CliJson.print(report, json, spec.commandLine().getOut());
            } catch (fermata.core.library.LibraryException e) {
                throw new CliException(e.getMessage());
            }
            return FermataCommand.EXIT_OK;
        }
    }
}
