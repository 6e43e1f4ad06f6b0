package fermata.core.library;

import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryScannerTest {
    @TempDir
    Path dir;

    @Test
    void databaseIsInWalModeAtTheLatestSchemaAndReopensWithoutMigratingAgain() throws Exception {
        Path file = dir.resolve("lib").resolve("library.db");
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            assertEquals(SchemaMigrations.MIGRATIONS.size(), db.schemaVersion());
            assertEquals("wal", db.read("mode", c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                    r.next();
                    return r.getString(1);
                }
            }));
            new LibraryScanner(db).addFolder(dir);
        }
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            assertEquals(SchemaMigrations.MIGRATIONS.size(), db.schemaVersion());
            assertEquals(List.of(dir.toAbsolutePath().normalize()), new LibraryScanner(db).folders(), "data survives reopening");
            assertEquals("ok", db.integrityCheck());
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() throws Exception {
        try (LibraryDatabase db = LibraryDatabase.open(dir.resolve("library.db"))) {
            LibraryException e = assertThrows(LibraryException.class, () -> db.inTransaction("test", c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO folders (path, added_at) VALUES ('/a', 1)");
                    s.execute("INSERT INTO folders (path, added_at) VALUES ('/a', 2)");
                }
                return null;
            }));
            assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
            assertEquals(0, count(db, "folders"));
        }
    }

    @Test
    void scanReadsTagsReportsBadFilesAndContinuesThenOnlyRereadsChangedFiles() throws Exception {
        Path music = dir.resolve("music");
        TestMusic.taggedWav(music.resolve("a/one.wav"), 1.5, "The Beatles", "Let It Be (Remastered 2009)", "Let It Be", "Rock");
        TestMusic.wav(music.resolve("a/b/two.wav"), 0.5, 8000, 330);
        TestMusic.wav(music.resolve("three.wav"), 2, 8000, 220);
        Files.writeString(music.resolve("notes.txt"), "not music, not reported");
        Files.writeString(music.resolve("fake.mp3"), "this is text with an mp3 name");
        byte[] whole = Files.readAllBytes(TestMusic.wav(dir.resolve("whole.wav"), 1, 8000, 440));
        Files.write(music.resolve("truncated.wav"), java.util.Arrays.copyOf(whole, 30));
        Files.write(music.resolve("empty.flac"), new byte[0]);

        try (LibraryDatabase db = LibraryDatabase.open(dir.resolve("library.db"))) {
            LibraryScanner scanner = new LibraryScanner(db);
            scanner.addFolder(music);
            ScanReport first = scanner.scan(Progress.NONE);
            assertEquals(3, first.added(), first.toString());
            assertEquals(3, first.problems().size(), first.toString());
            assertTrue(first.problems().stream().anyMatch(p -> p.path().endsWith("fake.mp3")), first.toString());
            assertTrue(first.problems().stream().anyMatch(p -> p.path().endsWith("truncated.wav")), first.toString());
            assertEquals(3, count(db, "scan_problems"));

            LibraryIndex index = new LibraryIndex(db);
            Track one = index.trackAt(music.resolve("a/one.wav")).orElseThrow();
            assertEquals("The Beatles", one.artist());
            assertEquals("Let It Be (Remastered 2009)", one.title());
            assertEquals("Rock", one.genre());
            assertEquals(1999, one.year());
            assertEquals(3, one.trackNumber());
            assertEquals(1500, one.durationMs(), 20);
            Track three = index.trackAt(music.resolve("three.wav")).orElseThrow();
            assertEquals("three", three.displayTitle());
            assertEquals(2000, three.durationMs(), 20);

            ScanReport again = scanner.scan(Progress.NONE);
            assertEquals(0, again.added());
            assertEquals(3, again.unchanged());

            TestMusic.wav(music.resolve("three.wav"), 3, 8000, 220);
            Files.setLastModifiedTime(music.resolve("three.wav"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
            Files.delete(music.resolve("a/b/two.wav"));
            ScanReport third = scanner.scan(Progress.NONE);
            assertEquals(1, third.updated(), third.toString());
            assertEquals(1, third.removed(), third.toString());
            assertEquals(1, third.unchanged(), third.toString());
            assertEquals(3000, index.trackAt(music.resolve("three.wav")).orElseThrow().durationMs(), 20);
            assertEquals(2, count(db, "tracks"));
        }
    }

    static int count(LibraryDatabase db, String table) throws LibraryException {
        return db.read("count", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                r.next();
                return r.getInt(1);
            }
        });
    }
}
