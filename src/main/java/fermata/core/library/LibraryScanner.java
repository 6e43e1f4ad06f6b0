package fermata.core.library;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the library's track table in step with its folders: a recursive walk that reads tags only
 * of files that are new or whose size or modification time changed, forgets files that are gone,
 * and reports (and remembers, in {@code scan_problems}) every file it could not read without
 * stopping. Writes go in transactions of {@value #BATCH} files, so a cancelled or killed scan keeps
 * what it finished and the next scan resumes from there.
 */
public final class LibraryScanner {
    static final int BATCH = 200;

    private final LibraryDatabase db;

    public LibraryScanner(LibraryDatabase db) {
        this.db = db;
    }

    /** Adds a folder to the library (idempotent); returns its absolute, normalised path. */
    public Path addFolder(Path folder) throws LibraryException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new LibraryException(absolute + ": not a folder. Name an existing folder of music files");
        }
        db.inTransaction("adding folder " + absolute, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO folders (path, added_at) VALUES (?, ?)")) {
                s.setString(1, absolute.toString());
                s.setLong(2, System.currentTimeMillis());
                s.executeUpdate();
            }
            return null;
        });
        return absolute;
    }

    public List<Path> folders() throws LibraryException {
        return db.read("listing folders", c -> {
            List<Path> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT path FROM folders ORDER BY path")) {
                while (r.next()) {
                    out.add(Path.of(r.getString(1)));
                }
            }
            return out;
        });
    }

    /** Scans every folder of the library. */
    public ScanReport scan(Progress progress) throws LibraryException, CancelledException {
        return scan(folders(), progress);
    }

    /** Scans the given library folders (or sub-folders of them, as the file watcher does). */
    public ScanReport scan(List<Path> roots, Progress progress) throws LibraryException, CancelledException {
        record Known(long id, long size, long mtime) {
        }
        progress.update(-1, "listing files");
        Map<Path, Long> folderIds = folderIds();
        List<ScanReport.Problem> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            walk(root.toAbsolutePath().normalize(), files, problems, progress);
        }
        Map<String, Known> known = new HashMap<>();
        db.read("reading known tracks", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, path, size, mtime FROM tracks")) {
                while (r.next()) {
                    known.put(r.getString(2), new Known(r.getLong(1), r.getLong(3), r.getLong(4)));
                }
            }
            return null;
        });
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> seen = new HashSet<>();
        List<Track> batch = new ArrayList<>();
        List<long[]> batchStat = new ArrayList<>();
        List<ScanReport.Problem> batchProblems = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            progress.checkCancelled();
            Path file = files.get(f);
            String key = file.toString();
            seen.add(key);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                batchProblems.add(new ScanReport.Problem(file, "cannot read its attributes: " + e.getMessage()));
                continue;
            }
            long size = attributes.size();
            long mtime = attributes.lastModifiedTime().toMillis();
            Known before = known.get(key);
            if (before != null && before.size() == size && before.mtime() == mtime) {
                unchanged++;
            } else {
                try {
                    batch.add(TagReader.read(file));
                    batchStat.add(new long[] {size, mtime, before == null ? 0 : before.id()});
                    if (before == null) {
                        added++;
                    } else {
                        updated++;
                    }
                } catch (UnreadableAudioException e) {
                    batchProblems.add(new ScanReport.Problem(file, e.getMessage()));
                }
            }
            if (batch.size() + batchProblems.size() >= BATCH || f == files.size() - 1) {
                store(batch, batchStat, batchProblems, folderIds);
                problems.addAll(batchProblems);
                batch.clear();
                batchStat.clear();
                batchProblems.clear();
                progress.update((f + 1.0) / files.size(), (f + 1) + " of " + files.size() + " files");
            }
        }
        if (!batchProblems.isEmpty() || !batch.isEmpty()) {
            store(batch, batchStat, batchProblems, folderIds);
            problems.addAll(batchProblems);
        }
        int removed = forgetMissing(roots, known.keySet(), seen);
        return new ScanReport(added, updated, unchanged, removed, problems);
    }

    private void walk(Path root, List<Path> files, List<ScanReport.Problem> problems, Progress progress) throws CancelledException {
        if (!Files.isDirectory(root)) {
            problems.add(new ScanReport.Problem(root, "the folder is missing or not readable"));
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && TagReader.isAudioName(file)) {
                        files.add(file.toAbsolutePath().normalize());
                    }
                    return progress.isCancelled() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new ScanReport.Problem(file, "cannot be read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new ScanReport.Problem(root, "cannot be listed: " + e.getMessage()));
        }
        progress.checkCancelled();
        files.sort(null);
    }

    private Map<Path, Long> folderIds() throws LibraryException {
        return db.read("listing folders", c -> {
            Map<Path, Long> ids = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, path FROM folders")) {
                while (r.next()) {
                    ids.put(Path.of(r.getString(2)), r.getLong(1));
                }
            }
            return ids;
        });
    }

    private static Long folderOf(Path file, Map<Path, Long> folderIds) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            Long id = folderIds.get(p);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private void store(List<Track> tracks, List<long[]> stats, List<ScanReport.Problem> problems, Map<Path, Long> folderIds)
            throws LibraryException {
        db.inTransaction("storing scanned tracks", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tracks (path, folder_id, size, mtime, title, artist, album,"
                    + " album_artist, genre, year, track_number, duration_ms, rating, recording_mbid, match_key, added_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE tracks SET folder_id = ?, size = ?, mtime = ?, title = ?,"
                         + " artist = ?, album = ?, album_artist = ?, genre = ?, year = ?, track_number = ?, duration_ms = ?,"
                         + " rating = ?, recording_mbid = ?, match_key = ? WHERE id = ?");
                 PreparedStatement dropFeatures = c.prepareStatement("DELETE FROM features WHERE track_id = ?");
                 PreparedStatement clearProblem = c.prepareStatement("DELETE FROM scan_problems WHERE path = ?");
                 PreparedStatement problem = c.prepareStatement("INSERT OR REPLACE INTO scan_problems (path, problem, seen_at) VALUES (?, ?, ?)")) {
                long now = System.currentTimeMillis();
                for (int t = 0; t < tracks.size(); t++) {
                    Track track = tracks.get(t);
                    long[] stat = stats.get(t);
                    String matchKey = MatchKey.of(track.displayArtist(), track.displayTitle());
                    if (stat[2] == 0) {
                        insert.setString(1, track.path().toString());
                        setLong(insert, 2, folderOf(track.path(), folderIds));
                        insert.setLong(3, stat[0]);
                        insert.setLong(4, stat[1]);
                        setTags(insert, 5, track);
                        insert.setString(15, matchKey);
                        insert.setLong(16, now);
                        insert.addBatch();
                    } else {
                        setLong(update, 1, folderOf(track.path(), folderIds));
                        update.setLong(2, stat[0]);
                        update.setLong(3, stat[1]);
                        setTags(update, 4, track);
                        update.setString(14, matchKey);
                        update.setLong(15, stat[2]);
                        update.addBatch();
                        dropFeatures.setLong(1, stat[2]);
                        dropFeatures.addBatch();
                    }
                    clearProblem.setString(1, track.path().toString());
                    clearProblem.addBatch();
                }
                for (ScanReport.Problem p : problems) {
                    problem.setString(1, p.path().toString());
                    problem.setString(2, p.reason());
                    problem.setLong(3, now);
                    problem.addBatch();
                }
                insert.executeBatch();
                update.executeBatch();
                dropFeatures.executeBatch();
                clearProblem.executeBatch();
                problem.executeBatch();
            }
            return null;
        });
    }

    /** Title .. recording MBID into ten parameters from {@code first}. */
    private static void setTags(PreparedStatement s, int first, Track t) throws java.sql.SQLException {
        s.setString(first, t.title());
        s.setString(first + 1, t.artist());
        s.setString(first + 2, t.album());
        s.setString(first + 3, t.albumArtist());
        s.setString(first + 4, t.genre());
        setLong(s, first + 5, t.year() == null ? null : t.year().longValue());
        setLong(s, first + 6, t.trackNumber() == null ? null : t.trackNumber().longValue());
        s.setLong(first + 7, t.durationMs());
        setLong(s, first + 8, t.rating() == null ? null : t.rating().longValue());
        s.setString(first + 9, t.recordingMbid());
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }

    /** Deletes tracks under the scanned roots that the walk did not find. */
    private int forgetMissing(List<Path> roots, Set<String> known, Set<String> seen) throws LibraryException {
        List<String> gone = new ArrayList<>();
        for (String path : known) {
            if (!seen.contains(path)) {
                Path p = Path.of(path);
                for (Path root : roots) {
                    if (p.startsWith(root.toAbsolutePath().normalize())) {
                        gone.add(path);
                        break;
                    }
                }
            }
        }
        if (gone.isEmpty()) {
            return 0;
        }
        return db.inTransaction("forgetting removed files", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tracks WHERE path = ?")) {
                for (String path : gone) {
                    s.setString(1, path);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return gone.size();
        });
    }
}
