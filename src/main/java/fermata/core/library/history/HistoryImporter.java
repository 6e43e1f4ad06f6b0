package fermata.core.library.history;

import fermata.core.error.BadInputException;
import fermata.core.library.LibraryDatabase;
import fermata.core.library.LibraryException;
import fermata.core.library.MatchKey;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a listening-history export into the library database in one transaction: a crash, a
 * kill or a cancel leaves the database as it was, and the whole file can simply be imported again.
 * Importing is idempotent: a listen is identified by its start time and {@link MatchKey}, so a
 * second import of the same (or an overlapping) export reports duplicates and adds nothing.
 * Listens that match no library file are kept all the same: they still describe taste.
 */
public final class HistoryImporter {
    private static final int BATCH = 2000;

    private final LibraryDatabase db;

    public HistoryImporter(LibraryDatabase db) {
        this.db = db;
    }

    public ImportReport importFile(Path file, HistoryFormat format, Progress progress)
            throws BadInputException, LibraryException, CancelledException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, null, "no such file", "check the path");
        }
        HistoryFormat chosen = format;
        if (chosen == null) {
            try {
                chosen = HistoryFormat.detect(file);
            } catch (java.io.IOException e) {
                throw new BadInputException(file, null, "cannot be read: " + e.getMessage(), "check its permissions");
            }
        }
        HistoryFormat used = chosen;
        long started = System.currentTimeMillis();
        try {
            return db.inTransaction("importing " + file, c -> {
                TrackMatcher matcher = new TrackMatcher(c);
                int[] counts = new int[5]; // matched, unmatched, duplicates, ignored, malformed
                List<ImportReport.Malformed> malformed = new ArrayList<>();
                try (PreparedStatement listen = c.prepareStatement("INSERT OR IGNORE INTO listens (listened_at, artist, title, album,"
                        + " duration_ms, played_ms, skipped, recording_mbid, match_key, track_id, source)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement countInsert = c.prepareStatement("INSERT OR IGNORE INTO play_counts (source, match_key, artist, title,"
                             + " plays, skips, last_played, track_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement countUpdate = c.prepareStatement("UPDATE play_counts SET plays = ?, skips = ?, last_played = ?,"
                             + " track_id = ? WHERE source = ? AND match_key = ?")) {
                    List<Boolean> pendingMatched = new ArrayList<>();
                    HistorySink sink = new HistorySink() {
                        @Override
                        public void listen(Listen l) throws Exception {
                            String key = MatchKey.of(l.artist(), l.title());
                            Long track = matcher.match(key, l.durationMs(), l.recordingMbid(), null);
                            listen.setLong(1, l.startedAt());
                            listen.setString(2, l.artist());
                            listen.setString(3, l.title());
                            listen.setString(4, l.album());
                            setLong(listen, 5, l.durationMs());
                            setLong(listen, 6, l.playedMs());
                            setLong(listen, 7, l.skipped() == null ? null : (l.skipped() ? 1L : 0L));
                            listen.setString(8, l.recordingMbid());
                            listen.setString(9, key);
                            setLong(listen, 10, track);
                            listen.setString(11, used.cliName());
                            listen.addBatch();
                            pendingMatched.add(track != null);
                            if (pendingMatched.size() == BATCH) {
                                flush();
                            }
                        }

                        void flush() throws Exception {
                            int[] result = listen.executeBatch();
                            for (int i = 0; i < result.length; i++) {
                                if (result[i] == 0) {
                                    counts[2]++;
                                } else if (pendingMatched.get(i)) {
                                    counts[0]++;
                                } else {
                                    counts[1]++;
                                }
                            }
                            pendingMatched.clear();
                            progress.checkCancelled();
                            progress.update(-1, (counts[0] + counts[1] + counts[2]) + " listens read");
                        }

                        @Override
                        public void playCount(PlayCount p) throws Exception {
                            String key = MatchKey.of(p.artist(), p.title());
                            Long track = matcher.match(key, p.durationMs(), null, p.location());
                            countInsert.setString(1, used.cliName());
                            countInsert.setString(2, key);
                            countInsert.setString(3, p.artist());
                            countInsert.setString(4, p.title());
                            countInsert.setInt(5, p.plays());
                            countInsert.setInt(6, p.skips());
                            setLong(countInsert, 7, p.lastPlayed());
                            setLong(countInsert, 8, track);
                            if (countInsert.executeUpdate() == 0) {
                                countUpdate.setInt(1, p.plays());
                                countUpdate.setInt(2, p.skips());
                                setLong(countUpdate, 3, p.lastPlayed());
                                setLong(countUpdate, 4, track);
                                countUpdate.setString(5, used.cliName());
                                countUpdate.setString(6, key);
                                countUpdate.executeUpdate();
                                counts[2]++;
                            } else {
                                counts[track != null ? 0 : 1]++;
                            }
                        }

                        @Override
                        public void malformed(String where, String reason) {
                            counts[4]++;
                            if (malformed.size() < ImportReport.LISTED) {
                                malformed.add(new ImportReport.Malformed(where, reason));
                            }
                        }

                        @Override
                        public void ignored(String where, String reason) {
                            counts[3]++;
                        }
                    };
                    used.reader().read(file, sink);
                    if (!pendingMatched.isEmpty()) {
                        int[] result = listen.executeBatch();
                        for (int i = 0; i < result.length; i++) {
                            counts[result[i] == 0 ? 2 : pendingMatched.get(i) ? 0 : 1]++;
                        }
                    }
                }
                try (PreparedStatement log = c.prepareStatement("INSERT INTO imports (file, format, finished_at, matched, unmatched,"
                        + " duplicates, malformed) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    log.setString(1, file.toAbsolutePath().toString());
                    log.setString(2, used.cliName());
                    log.setLong(3, System.currentTimeMillis());
                    log.setInt(4, counts[0]);
                    log.setInt(5, counts[1]);
                    log.setInt(6, counts[2]);
                    log.setInt(7, counts[4]);
                    log.executeUpdate();
                }
                progress.update(1, "imported in " + (System.currentTimeMillis() - started) + " ms");
                return new ImportReport(file, used, counts[0], counts[1], counts[2], counts[3], counts[4], malformed);
            });
        } catch (LibraryException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BadInputException bad) {
                throw bad;
            }
            if (cause instanceof CancelledException cancelled) {
                throw cancelled;
            }
            throw e;
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }
}
