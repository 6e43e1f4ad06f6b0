package fermata.core.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryPlayerTest {
    @TempDir
    Path dir;

    @Test
    void skipRuleBoundaries() {
        assertEquals(SkipRule.Outcome.IGNORED, SkipRule.judge(1_999, 200_000, true), "under 2 s is nothing");
        assertEquals(SkipRule.Outcome.SKIPPED, SkipRule.judge(2_000, 200_000, true));
        assertEquals(SkipRule.Outcome.SKIPPED, SkipRule.judge(99_999, 200_000, true), "before half");
        assertEquals(SkipRule.Outcome.PLAYED, SkipRule.judge(100_000, 200_000, true), "half is a play");
        assertEquals(SkipRule.Outcome.PLAYED, SkipRule.judge(5_000, 200_000, false), "ended by itself (a short fade-out file)");
        assertEquals(SkipRule.Outcome.PLAYED, SkipRule.judge(240_000, 1_200_000, true), "4 minutes of a long piece is listening");
        assertEquals(SkipRule.Outcome.SKIPPED, SkipRule.judge(239_999, 1_200_000, true));
    }

    @Test
    void playerLogsPlaysAndSkipsThroughTheQueue() throws Exception {
        try (LibraryDatabase db = LibraryDatabase.open(dir.resolve("library.db"))) {
            List<Track> tracks = List.of(track(db, 1, "/m/a.mp3", 200_000), track(db, 2, "/m/b.mp3", 180_000),
                    track(db, 3, "/m/c.mp3", 300_000));
            AtomicLong clock = new AtomicLong(1_000_000);
            PlayLog log = new PlayLog(db);
            LibraryPlayer player = new LibraryPlayer(log, clock::get, 1);
            player.playAll(tracks);
            assertEquals(tracks.get(0), player.current());
            clock.addAndGet(200_000);
            player.trackEnded();                      // a: played to the end
            assertEquals(tracks.get(1), player.current());
            clock.addAndGet(10_000);
            player.pause();
            clock.addAndGet(600_000);                 // paused time does not count
            player.resume();
            clock.addAndGet(5_000);
            player.next();                            // b: 15 s of 180 s, ended by the user: a skip
            clock.addAndGet(1_000);
            player.previous();                        // c: 1 s, ignored; back to b
            assertEquals(tracks.get(1), player.current());
            clock.addAndGet(120_000);
            player.previous();                        // b: 120 s, restarts b (more than 3 s in) and counts as a play
            assertEquals(tracks.get(1), player.current());
            clock.addAndGet(50_000);
            player.stop();                            // b: 50 s of 180 s by the user: a skip
            assertNull(player.current());
            assertFalse(player.isPlaying());

            assertEquals(new PlayLog.TrackStats(1, 1, 0, 1_000_000L), log.stats(1));
            PlayLog.TrackStats b = log.stats(2);
            assertEquals(1, b.plays());
            assertEquals(2, b.skips());
            assertEquals(0, log.stats(3).plays() + log.stats(3).skips());
        }
    }

    @Test
    void shuffleKeepsTheCurrentTrackAndEveryTrack() throws Exception {
        try (LibraryDatabase db = LibraryDatabase.open(dir.resolve("library.db"))) {
            List<Track> tracks = new java.util.ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                tracks.add(track(db, i, "/m/" + i + ".mp3", 100_000));
            }
            LibraryPlayer player = new LibraryPlayer(new PlayLog(db), System::currentTimeMillis, 9);
            player.playAll(tracks);
            player.shuffle();
            assertEquals(tracks.get(0), player.queue().get(0));
            assertNotEquals(tracks, player.queue());
            assertTrue(player.queue().containsAll(tracks));
        }
    }

    private static Track track(LibraryDatabase db, long id, String path, long durationMs) throws LibraryException {
        db.inTransaction("track", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tracks (id, path, size, mtime, title, artist, duration_ms,"
                    + " match_key, added_at) VALUES (?, ?, 1, 1, ?, 'Someone', ?, ?, 0)")) {
                s.setLong(1, id);
                s.setString(2, path);
                s.setString(3, "T" + id);
                s.setLong(4, durationMs);
                s.setString(5, MatchKey.of("Someone", "T" + id));
                s.executeUpdate();
            }
            return null;
        });
        return new LibraryIndex(db).track(id).orElseThrow();
    }
}
