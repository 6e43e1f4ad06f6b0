package fermata;

import fermata.cli.FermataCommand;

/**
 * Entry point. With no arguments it starts the studio; with arguments it runs the command line.
 * Deliberately not a JavaFX {@code Application}: launching from the class path needs a main class
 * that does not extend it, and the command line must work without a display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            fermata.ui.shell.StudioApp.launchStudio(args);
            return;
        }
        System.exit(FermataCommand.run(args));
    }
}
