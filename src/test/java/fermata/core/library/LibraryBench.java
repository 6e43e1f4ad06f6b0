package fermata.core.library;

import fermata.core.library.history.HistoryFormat;
import fermata.core.library.history.HistoryImporter;
import fermata.core.library.history.ImportReport;
import fermata.core.library.recommend.EaseModel;
import fermata.core.library.recommend.ImplicitAlsModel;
import fermata.core.library.recommend.Interactions;
import fermata.core.library.recommend.ItemKnnModel;
import fermata.core.library.recommend.ListenEvent;
import fermata.core.library.recommend.PopularityModel;
import fermata.core.library.recommend.Sessions;
import fermata.core.library.recommend.SyntheticHistory;
import fermata.core.library.recommend.TemporalReplay;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The library's speed goals (issue 9): scan 10,000 small audio files (< 60 s, features excluded),
 * import 1,000,000 listens (< 30 s), train each model on a 1,000,000-listen history (< 10 s),
 * answer a recommendation (< 50 ms). Peers run in the same breath: ffprobe on a sample of the same
 * files, Python's sqlite3 inserting the same CSV into the same table. Inputs are generated in
 * /tmp/fermata-bench. Run: {@code mvn -q test -Pbench -Dtest=LibraryBench}; figures go to
 * target/bench/library.md.
 */
@Tag("bench")
class LibraryBench {
    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "fermata-bench");
    private static final StringBuilder REPORT = new StringBuilder();

    private static void report(String line) throws Exception {
        System.out.println(line);
        REPORT.append(line).append('\n');
        Path out = Path.of("target", "bench", "library.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, REPORT);
    }

    @Test
    void scanTenThousandFiles() throws Exception {
        Path music = WORK.resolve("library-10k");
        if (!Files.exists(music.resolve("099").resolve("track-9999.wav"))) {
            for (int i = 0; i < 10_000; i++) {
                TestMusic.wav(music.resolve(String.format(Locale.ROOT, "%03d", i / 100)).resolve("track-" + i + ".wav"), 0.25, 8000,
                        200 + i % 500);
            }
        }
        Path db = Files.createTempDirectory("fermata-bench-scan").resolve("library.db");
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            LibraryScanner scanner = new LibraryScanner(library);
            scanner.addFolder(music);
            long t0 = System.nanoTime();
            ScanReport first = scanner.scan(Progress.NONE);
            double cold = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            ScanReport again = scanner.scan(Progress.NONE);
            double warm = (System.nanoTime() - t0) / 1e9;
            assertEquals(10_000, first.added());
            assertEquals(10_000, again.unchanged());
            List<Path> sample = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sample.add(music.resolve(String.format(Locale.ROOT, "%03d", i / 2)).resolve("track-" + (i / 2 * 100 + i % 2) + ".wav"));
            }
            long p0 = System.nanoTime();
            for (Path file : sample) {
                Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration:format_tags",
                        "-of", "json", file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            double ffprobePerFile = (System.nanoTime() - p0) / 1e9 / sample.size();
            report(String.format(Locale.ROOT, "| scan 10,000 WAV files (0.25 s each, 100 folders), new library | %.1f s (%.2f ms a file) |%n"
                    + "| rescan, nothing changed | %.2f s |%n| ffprobe, one process per file (200-file sample) | %.1f ms a file, "
                    + "%.0f s for 10,000; ratio ffprobe / Fermata %.1f |", cold, cold * 1000 / 10_000, warm, ffprobePerFile * 1000,
                    ffprobePerFile * 10_000, ffprobePerFile * 10_000 / cold));
        }
    }

    @Test
    void importAMillionListens() throws Exception {
        Path csv = WORK.resolve("scrobbles-1m.csv");
        if (!Files.exists(csv)) {
            Files.createDirectories(WORK);
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("uts,artist,album,track\n");
                for (int i = 0; i < 1_000_000; i++) {
                    out.write((1_400_000_000L + 37L * i) + ",Artist " + (i % 3000) + ",Album " + (i % 9000) + ",Song " + (i * 7 % 20000) + "\n");
                }
            }
        }
        Path db = Files.createTempDirectory("fermata-bench-import").resolve("library.db");
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            library.inTransaction("library of 20,000 tracks", c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO tracks (path, size, mtime, title, artist, duration_ms, match_key,"
                        + " added_at) VALUES (?, 1, 1, ?, ?, 200000, ?, 0)")) {
                    for (int i = 0; i < 20_000; i++) {
                        String artist = "Artist " + (i % 3000);
                        s.setString(1, "/m/" + i + ".mp3");
                        s.setString(2, "Song " + i);
                        s.setString(3, artist);
                        s.setString(4, MatchKey.of(artist, "Song " + i));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                return null;
            });
            long t0 = System.nanoTime();
            ImportReport r = new HistoryImporter(library).importFile(csv, HistoryFormat.LASTFM, Progress.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            ImportReport again = new HistoryImporter(library).importFile(csv, HistoryFormat.LASTFM, Progress.NONE);
            double reimport = (System.nanoTime() - t0) / 1e9;
            assertEquals(1_000_000, r.matched() + r.unmatched());
            assertEquals(1_000_000, again.duplicates());
            double peer = pythonSqlite(csv);
            report(String.format(Locale.ROOT, "| import 1,000,000 Last.fm scrobbles (matched %d, unmatched %d) | %.1f s |%n"
                    + "| import the same again (all duplicates) | %.1f s |%n| Python sqlite3, csv module + executemany into the same "
                    + "table and unique index (no matching) | %.1f s; ratio Fermata / Python %.2f |", r.matched(), r.unmatched(), seconds,
                    reimport, peer, seconds / peer));
        }
    }

    private static double pythonSqlite(Path csv) throws Exception {
        Path db = Files.createTempDirectory("fermata-bench-python").resolve("peer.db");
        String script = String.join("\n",
                "import csv, sqlite3, sys, time",
                "t = time.time()",
                "c = sqlite3.connect(sys.argv[2]); c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA synchronous=NORMAL')",
                "c.execute('CREATE TABLE listens (id INTEGER PRIMARY KEY, listened_at INTEGER NOT NULL, artist TEXT NOT NULL, "
                        + "title TEXT NOT NULL, album TEXT, match_key TEXT NOT NULL, source TEXT NOT NULL, UNIQUE (listened_at, match_key))')",
                "r = csv.reader(open(sys.argv[1], encoding='utf-8')); next(r)",
                "c.executemany('INSERT OR IGNORE INTO listens (listened_at, artist, title, album, match_key, source) VALUES (?,?,?,?,?,?)',"
                        + " ((int(u) * 1000, a, t, al, a.lower() + chr(31) + t.lower(), 'lastfm') for u, a, al, t in r))",
                "c.commit(); print(time.time() - t)");
        Process p = new ProcessBuilder("python3", "-c", script, csv.toString(), db.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        try {
            return Double.parseDouble(out);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Test
    void trainEachModelOnAMillionListensAndAnswer() throws Exception {
        SyntheticHistory.History h = SyntheticHistory.generate(new SyntheticHistory.Settings(50, 200, 42_000, 3));
        List<ListenEvent> events = h.events().size() > 1_000_000 ? h.events().subList(0, 1_000_000) : h.events();
        Interactions sessions = Sessions.matrix(events, 0, events.size(), h.items());
        report(String.format(Locale.ROOT, "| history | %,d listens, %,d sessions, %,d tracks, %,d session-track pairs |", events.size(),
                sessions.users(), h.items(), sessions.entries()));
        time("popularity", () -> PopularityModel.train(sessions));
        time("item-kNN, 100 neighbours", () -> ItemKnnModel.train(sessions, 100, Progress.NONE));
        time("EASE, 2,000 most played tracks, lambda 20", () -> EaseModel.train(sessions, TemporalReplay.EASE_LAMBDA, 1,
                TemporalReplay.EASE_MAX_ITEMS, EaseModel.Form.SMALLER_SIDE, Progress.NONE));
        time("implicit ALS, 32 factors, 10 iterations (as the replay)", () -> ImplicitAlsModel.train(sessions, TemporalReplay.REPLAY_ALS,
                1, Progress.NONE));
        time("implicit ALS, 64 factors, 15 iterations (as HetRec)", () -> ImplicitAlsModel.train(sessions,
                ImplicitAlsModel.Settings.DEFAULT, 1, Progress.NONE));

        Path db = Files.createTempDirectory("fermata-bench-recommend").resolve("library.db");
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            library.inTransaction("planting", c -> {
                try (PreparedStatement t = c.prepareStatement("INSERT INTO tracks (id, path, size, mtime, title, artist, duration_ms,"
                        + " match_key, added_at) VALUES (?, ?, 1, 1, ?, ?, 200000, ?, 0)");
                     PreparedStatement l = c.prepareStatement("INSERT INTO listens (listened_at, artist, title, match_key, track_id,"
                             + " skipped, source) VALUES (?, 'a', 't', ?, ?, ?, 'bench')")) {
                    for (int i = 0; i < h.items(); i++) {
                        t.setLong(1, i + 1);
                        t.setString(2, "/music/" + i + ".mp3");
                        t.setString(3, "Song " + i);
                        t.setString(4, "Artist " + h.clusterOf()[i]);
                        t.setString(5, MatchKey.of("Artist " + h.clusterOf()[i], "Song " + i));
                        t.addBatch();
                    }
                    t.executeBatch();
                    for (int e = 0; e < events.size(); e++) {
                        ListenEvent event = events.get(e);
                        l.setLong(1, event.time());
                        l.setString(2, "k" + e);
                        l.setLong(3, event.item() + 1);
                        l.setInt(4, event.skipped() ? 1 : 0);
                        l.addBatch();
                        if (e % 10_000 == 0) {
                            l.executeBatch();
                        }
                    }
                    l.executeBatch();
                }
                return null;
            });
            long t0 = System.nanoTime();
            LibraryRecommender recommender = LibraryRecommender.train(library, ZoneOffset.UTC, 1, Progress.NONE);
            report(String.format(Locale.ROOT, "| LibraryRecommender.train (read the database, item-kNN + EASE twice, learn the blend) | %.1f s |",
                    (System.nanoTime() - t0) / 1e9));
            long end = events.get(events.size() - 1).time();
            Path seed = Path.of("/music/17.mp3");
            for (RecommendationMode mode : RecommendationMode.values()) {
                for (int warm = 0; warm < 20; warm++) {
                    recommender.recommend(mode, seed, 20, end + warm * 3_600_000L);
                }
                double[] ms = new double[50];
                for (int q = 0; q < ms.length; q++) {
                    long q0 = System.nanoTime();
                    recommender.recommend(mode, seed, 20, end + q * 3_600_000L);
                    ms[q] = (System.nanoTime() - q0) / 1e6;
                }
                Arrays.sort(ms);
                report(String.format(Locale.ROOT, "| answer %s, 20 tracks | median %.1f ms, max %.1f ms (50 requests) |", mode.cliName(),
                        ms[ms.length / 2], ms[ms.length - 1]));
            }
        }
    }

    interface Training {
        Object run() throws Exception;
    }

    private static void time(String what, Training training) throws Exception {
        long t0 = System.nanoTime();
        training.run();
        report(String.format(Locale.ROOT, "| train %s | %.2f s |", what, (System.nanoTime() - t0) / 1e9));
    }
}
