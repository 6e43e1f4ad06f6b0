package fermata;

import fermata.cli.FermataCommand;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Entry point. With no arguments, or with one project or MIDI file (what the desktop passes when a
 * file is opened with Fermata), it starts the studio; with other arguments it runs the command line.
 * Deliberately not a JavaFX {@code Application}: launching from the class path needs a main class
 * that does not extend it, and the command line must work without a display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && opensInStudio(args[0]))) {
            fermata.ui.shell.StudioApp.launchStudio(args);
            return;
        }
        System.exit(FermataCommand.run(args));
    }

    /** A project or MIDI file that exists; the command line's verbs are never such files. */
    static boolean opensInStudio(String arg) {
        String name = arg.toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".fermata") || name.endsWith(".mid") || name.endsWith(".midi"))) {
            return false;
        }
        try {
            return Files.isRegularFile(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
