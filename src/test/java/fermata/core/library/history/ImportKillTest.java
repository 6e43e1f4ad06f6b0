package fermata.core.library.history;

import fermata.core.library.LibraryDatabase;
import fermata.core.project.UserData;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real {@code fermata history import} (a child JVM, FERMATA_HOME pointing at a temporary
 * folder) in the middle of a 100,000-scrobble import, then checks that the database is intact,
 * holds nothing of the torn import, and that importing again completes and is idempotent.
 */
class ImportKillTest {
    private static final int SCROBBLES = 100_000;

    @TempDir
    Path dir;

    @Test
    void killingTheProcessMidImportLeavesTheDatabaseConsistent() throws Exception {
        Path csv = dir.resolve("scrobbles.csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("uts,artist,album,track\n");
            for (int i = 0; i < SCROBBLES; i++) {
                out.write((1_500_000_000L + 60L * i) + ",Artist " + (i % 500) + ",Album " + (i % 900) + ",Song " + (i % 7000) + "\n");
            }
        }
        Path home = dir.resolve("home");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "fermata.Main", "history", "import", csv.toString(), "--format", "lastfm"));
        builder.environment().put("FERMATA_HOME", home.toString());
        builder.redirectErrorStream(true);
        Process child = builder.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains("listens read")) {
                    break; // the import transaction is open and has written rows
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(seen.toString().contains("listens read"), "the child never reported progress: " + seen);
        Path database = new UserData(home).library().resolve(LibraryDatabase.FILE_NAME);
        assertTrue(Files.exists(database), "FERMATA_HOME was honoured");

        try (LibraryDatabase db = LibraryDatabase.open(database)) {
            assertEquals("ok", db.integrityCheck());
            assertEquals(0, count(db, "listens"), "a killed import leaves no half of itself");
            assertEquals(0, count(db, "imports"));

            ImportReport again = new HistoryImporter(db).importFile(csv, HistoryFormat.LASTFM, Progress.NONE);
            assertEquals(SCROBBLES, again.unmatched());
            assertEquals(0, again.duplicates());
            assertEquals(SCROBBLES, count(db, "listens"));
            ImportReport twice = new HistoryImporter(db).importFile(csv, HistoryFormat.LASTFM, Progress.NONE);
            assertEquals(SCROBBLES, twice.duplicates());
            assertEquals(SCROBBLES, count(db, "listens"));
            assertEquals("ok", db.integrityCheck());
        }
    }

    private static long count(LibraryDatabase db, String table) throws Exception {
        return db.read("count", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
