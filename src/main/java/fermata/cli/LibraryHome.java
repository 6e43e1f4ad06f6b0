package fermata.cli;

import fermata.core.library.LibraryDatabase;
import fermata.core.library.LibraryException;
import fermata.core.project.UserData;
import fermata.core.task.Progress;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The option shared by the library verbs: which user-data folder holds the library database. */
final class LibraryHome {
    @Option(names = "--home", paramLabel = "DIR",
            description = "User-data folder holding the library (default: $FERMATA_HOME, else the platform's place).")
    Path home;

    UserData userData() {
        return home != null ? new UserData(home) : UserData.current();
    }

    LibraryDatabase open() throws LibraryException {
        return LibraryDatabase.open(userData());
    }

    /** Progress lines on stderr, at most one per half second (imports report often). */
    static Progress stderr(PrintWriter err) {
        return new Progress() {
            private long last;

            @Override
            public void update(double fraction, String message) {
                long now = System.nanoTime();
                if (now - last > 500_000_000L || fraction >= 1) {
                    last = now;
                    err.println(fraction < 0 ? message : String.format(Locale.ROOT, "%3.0f%% %s", 100 * fraction, message));
                    err.flush();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
