package fermata.core.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The studio's log: {@code logs/fermata-0.log} under the user-data folder, rotated over
 * {@link #FILES} files of {@link #LIMIT_BYTES} each, through java.util.logging (the JDK's own; the
 * libraries' SLF4J output stays silenced). Bug reports attach its tail through
 * {@link Diagnostics}. Never used on the audio thread.
 */
public final class AppLog {
    public static final int LIMIT_BYTES = 1 << 20;
    public static final int FILES = 5;
    public static final String NAME = "fermata";
    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its handler. */
    private static final Logger LOG = Logger.getLogger(NAME);
    private static FileHandler handler;

    private AppLog() {
    }

    /** The logger every part of the studio writes to. */
    public static Logger logger() {
        return LOG;
    }

    /** Starts writing the log under {@code userData}; calling it again changes nothing. */
    public static synchronized void install(UserData userData) throws IOException {
        if (handler != null) {
            return;
        }
        Path dir = userData.logs();
        Files.createDirectories(dir);
        handler = new FileHandler(dir.resolve("fermata-%g.log").toString(), LIMIT_BYTES, FILES, true);
        handler.setEncoding(StandardCharsets.UTF_8.name());
        handler.setFormatter(new SimpleFormatter());
        LOG.addHandler(handler);
        LOG.setUseParentHandlers(false);
        LOG.setLevel(Level.INFO);
    }

    /** The newest log's last {@code lines} lines; empty when there is no log yet. */
    public static List<String> tail(UserData userData, int lines) throws IOException {
        Path newest = userData.logs().resolve("fermata-0.log");
        if (!Files.isRegularFile(newest)) {
            return List.of();
        }
        List<String> all = Files.readAllLines(newest, StandardCharsets.UTF_8);
        return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
