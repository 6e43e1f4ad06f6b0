package fermata.core.library;

import fermata.core.project.UserData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The library and listening history: one SQLite database ({@code library/library.db} under the
 * user-data folder) in WAL mode, so the studio can read while a scan or an import writes, with
 * the schema brought up to date on open ({@link SchemaMigrations}). Every multi-row change runs
 * in {@link #inTransaction}, so a crash or a kill leaves each import either whole or absent.
 *
 * <p>One connection, used from one thread at a time (the methods are synchronized on it); open a
 * second {@code LibraryDatabase} for another thread: WAL lets readers and one writer proceed.
 */
public final class LibraryDatabase implements AutoCloseable {
    public static final String FILE_NAME = "library.db";

    private final Path file;
    private final Connection connection;

    private LibraryDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** The database of a user-data folder, created with its folder when missing. */
    public static LibraryDatabase open(UserData userData) throws LibraryException {
        return open(userData.library().resolve(FILE_NAME));
    }

    public static LibraryDatabase open(Path file) throws LibraryException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL is durable against application crashes in WAL mode; only a power cut may lose the last commit.
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
            }
            SchemaMigrations.migrate(c);
            return new LibraryDatabase(file, c);
        } catch (SQLException | java.io.IOException e) {
            throw new LibraryException(file + ": cannot open the library database: " + e.getMessage()
                    + ". Check the folder's permissions and free space", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Work on the connection inside one transaction: committed when it returns, rolled back when it throws. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws Exception;
    }

    public synchronized <T> T inTransaction(String what, SqlWork<T> work) throws LibraryException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Exception e) {
                connection.rollback();
                if (e instanceof LibraryException le) {
                    throw le;
                }
                throw new LibraryException(file + ": " + what + " failed and was rolled back: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LibraryException(file + ": " + what + ": " + e.getMessage(), e);
        }
    }

    /** Read-only work (or single statements, which SQLite makes atomic by themselves). */
    public synchronized <T> T read(String what, SqlWork<T> work) throws LibraryException {
        try {
            return work.run(connection);
        } catch (Exception e) {
            if (e instanceof LibraryException le) {
                throw le;
            }
            throw new LibraryException(file + ": " + what + ": " + e.getMessage(), e);
        }
    }

    public int schemaVersion() throws LibraryException {
        return read("reading the schema version", SchemaMigrations::version);
    }

    /** "ok" when SQLite's integrity check finds nothing wrong, else its first complaint. */
    public String integrityCheck() throws LibraryException {
        return read("integrity check", c -> {
            try (Statement s = c.createStatement(); var r = s.executeQuery("PRAGMA integrity_check")) {
                return r.next() ? r.getString(1) : "no answer";
            }
        });
    }

    @Override
    public synchronized void close() throws LibraryException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LibraryException(file + ": closing the library database: " + e.getMessage(), e);
        }
    }
}
