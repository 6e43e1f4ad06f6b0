package fermata.cli;

import fermata.core.error.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code fermata <verb> [options]}: one picocli class per verb. Exit codes: 0 done, 2 bad input
 * or usage, 1 internal error. Errors are one line on stderr; progress goes to stderr too, so
 * stdout carries only results (and {@code --json}).
 */
@Command(name = "fermata", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Fermata Studio command line: inspect, convert, render, analyse, mix and compose music.",
        subcommands = {InfoCommand.class, ConvertCommand.class, AnalyzeCommand.class, RenderCommand.class,
                TrainCommand.class, GenerateCommand.class, EvalModelCommand.class, DenoiseCommand.class,
                AutomixCommand.class, ExportAudioCommand.class, RecommendEvalCommand.class, LibraryCommand.class,
                HistoryCommand.class, RecommendCommand.class, PresetsCommand.class, CommandLine.HelpCommand.class})
public final class FermataCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a verb, for example: fermata info song.mid");
    }

    /** Builds the command line with every verb; tests call this with their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FermataCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(FermataCommand::exitCodeFor);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            if (cause instanceof BadInputException || cause instanceof CliException) {
                commandLine.getErr().println("fermata: " + cause.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("fermata: internal error: " + cause
                    + ". Please report it; set FERMATA_DEBUG=1 to print the stack trace");
            if (System.getenv("FERMATA_DEBUG") != null) {
                cause.printStackTrace(commandLine.getErr());
            }
            return EXIT_INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("fermata: " + ex.getMessage());
            c.getErr().println("Try 'fermata " + (c.getCommandName().equals("fermata") ? "" : c.getCommandName() + " ")
                    + "--help'.");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    private static int exitCodeFor(Throwable t) {
        return t instanceof BadInputException || t instanceof CliException ? EXIT_BAD_INPUT : EXIT_INTERNAL;
    }

    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return commandLine(out, err).execute(args);
    }
}
