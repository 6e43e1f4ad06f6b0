package fermata.core.library.history;

import fermata.core.error.BadInputException;
import fermata.core.library.LibraryDatabase;
import fermata.core.library.LibraryException;
import fermata.core.library.MatchKey;
import fermata.core.task.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryImporterTest {
    @TempDir
    Path dir;
    LibraryDatabase db;

    @BeforeEach
    void library() throws Exception {
        db = LibraryDatabase.open(dir.resolve("library.db"));
        track("/music/a/one.mp3", "Artist A", "Song One", 200_000, null);
        track("/music/b/two.flac", "The Band B", "Second Song", 180_000, "0f2a1c1e-0000-4000-8000-000000000002");
        track("/music/b/two-live.flac", "The Band B", "Second Song", 300_000, null);
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws LibraryException {
        db.close();
    }

    private void track(String path, String artist, String title, long durationMs, String mbid) throws LibraryException {
        db.inTransaction("test track", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tracks (path, size, mtime, title, artist, duration_ms,"
                    + " recording_mbid, match_key, added_at) VALUES (?, 1, 1, ?, ?, ?, ?, ?, 0)")) {
                s.setString(1, path);
                s.setString(2, title);
                s.setString(3, artist);
                s.setLong(4, durationMs);
                s.setString(5, mbid);
                s.setString(6, MatchKey.of(artist, title));
                s.executeUpdate();
            }
            return null;
        });
    }

    private ImportReport importText(String name, String text, HistoryFormat format) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new HistoryImporter(db).importFile(file, format, Progress.NONE);
    }

    private long scalar(String sql) throws LibraryException {
        return db.read("test query", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Test
    void spotifyExtendedHistoryMatchesSkipsPodcastsAndListsMalformedRecords() throws Exception {
        String json = """
                [
                 {"ts":"2021-03-01T12:04:00Z","ms_played":240000,"master_metadata_track_name":"Song One (Remastered 2011)",
                  "master_metadata_album_artist_name":"Artist A","master_metadata_album_album_name":"First","reason_end":"trackdone","skipped":null},
                 {"ts":"2021-03-01T12:05:00Z","ms_played":5000,"master_metadata_track_name":"Unknown Gem",
                  "master_metadata_album_artist_name":"Nobody","master_metadata_album_album_name":null,"reason_end":"fwdbtn","skipped":null},
                 {"ts":"2021-03-01T13:00:00Z","ms_played":600000,"master_metadata_track_name":null,"episode_name":"A podcast"},
                 {"ts":"yesterday","ms_played":1000,"master_metadata_track_name":"X","master_metadata_album_artist_name":"Y"},
                 {"ts":"2021-03-01T14:00:00Z","ms_played":1000,"master_metadata_track_name":"Song One",
                  "master_metadata_album_artist_name":"artist a","skipped":true}
                ]""";
        ImportReport r = importText("Streaming_History_Audio_2021.json", json, null);
        assertEquals(HistoryFormat.SPOTIFY, r.format());
        assertEquals(2, r.matched(), r.toString());
        assertEquals(1, r.unmatched());
        assertEquals(1, r.ignored(), "the podcast");
        assertEquals(1, r.malformedCount());
        assertTrue(r.malformed().get(0).where().startsWith("record 4 (line 7"), r.malformed().toString());
        assertEquals(2, scalar("SELECT COUNT(*) FROM listens WHERE skipped = 1"), "fwdbtn and skipped:true");
        assertEquals(java.time.Instant.parse("2021-03-01T12:00:00Z").toEpochMilli(),
                scalar("SELECT listened_at FROM listens WHERE played_ms = 240000"), "start = end - played");

        ImportReport again = importText("Streaming_History_Audio_2021.json", json, HistoryFormat.SPOTIFY);
        assertEquals(0, again.matched() + again.unmatched(), "idempotent");
        assertEquals(3, again.duplicates());
        assertEquals(3, scalar("SELECT COUNT(*) FROM listens"));
        assertEquals(2, scalar("SELECT COUNT(*) FROM imports"));
    }

    @Test
    void olderSpotifyStreamingHistory() throws Exception {
        ImportReport r = importText("StreamingHistory0.json", """
                [{"endTime":"2019-02-13 18:44","artistName":"Artist A","trackName":"Song One","msPlayed":200000},
                 {"endTime":"2019-02-13 18:50","artistName":"Artist A","trackName":"Other","msPlayed":1000},
                 {"endTime":"13/02/2019","artistName":"A","trackName":"B","msPlayed":1}]""", null);
        assertEquals(1, r.matched());
        assertEquals(1, r.unmatched());
        assertEquals(1, r.malformedCount());
    }

    @Test
    void listenBrainzArrayAndJsonLinesMatchByMbidAndByDurationTolerance() throws Exception {
        // Three listens called "Second Song" by the Band B: one with the MBID of the 3-minute take, one 4 s
        // from the live take's length, one 40 s from both (a third version not in the library).
        String lines = """
                {"listened_at":1600000000,"track_metadata":{"artist_name":"X","track_name":"Whatever","additional_info":{"recording_mbid":"0F2A1C1E-0000-4000-8000-000000000002"}}}
                {"listened_at":1600000300,"track_metadata":{"artist_name":"Band B","track_name":"Second Song","additional_info":{"duration_ms":296000}}}
                not json at all
                {"listened_at":1600000600,"track_metadata":{"artist_name":"Band B","track_name":"Second Song","additional_info":{"duration":220}}}
                {"listened_at":"soon","track_metadata":{"artist_name":"Band B","track_name":"Second Song"}}
                """;
        ImportReport r = importText("listens.jsonl", lines, HistoryFormat.LISTENBRAINZ);
        assertEquals(2, r.matched(), r.toString());
        assertEquals(1, r.unmatched());
        assertEquals(2, r.malformedCount());
        assertEquals("line 3", r.malformed().get(0).where());
        assertEquals("line 5", r.malformed().get(1).where());
        assertEquals(1, scalar("SELECT COUNT(*) FROM listens l JOIN tracks t ON t.id = l.track_id WHERE t.path = '/music/b/two.flac'"));
        assertEquals(1, scalar("SELECT COUNT(*) FROM listens l JOIN tracks t ON t.id = l.track_id WHERE t.path = '/music/b/two-live.flac'"));

        ImportReport array = importText("listens.json", """
                [{"listened_at":1500000000,"track_metadata":{"artist_name":"Artist A","track_name":"Song One","release_name":"First"}},
                 {"listened_at":1500000100,"track_metadata":{"artist_name":"Artist A","track_name":"Song One"}},
                 {"listened_at":1500000200,"track_metadata":{"artist_na""", null);
        assertEquals(HistoryFormat.LISTENBRAINZ, array.format());
        assertEquals(2, array.matched(), "the records before the cut are kept");
        assertEquals(1, array.malformedCount());
        assertTrue(array.malformed().get(0).reason().contains("JSON syntax error"), array.malformed().toString());
    }

    @Test
    void lastFmCsvWithAndWithoutHeader() throws Exception {
        ImportReport plain = importText("scrobbles.csv", """
                Artist A,First,Song One,31 Jan 2021 12:34
                "Band, The",,"Say \"\"Hi\"\"",1612096440
                Artist A,First,Song One,
                The Band B,Live,Second Song,2021-01-31T12:40:00Z
                """, null);
        assertEquals(HistoryFormat.LASTFM, plain.format());
        assertEquals(2, plain.matched(), plain.toString());
        assertEquals(1, plain.unmatched());
        assertEquals(1, plain.malformedCount());
        assertEquals("line 3", plain.malformed().get(0).where());
        assertEquals(1, scalar("SELECT COUNT(*) FROM listens WHERE title = 'Say \"Hi\"' AND artist = 'Band, The'"));

        ImportReport headed = importText("lastfm-stats.csv", """
                uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid
                1612096440,"31 Jan 2021, 12:34",Artist A,,First,,Song One,
                1612096500,"31 Jan 2021, 12:35",Nobody,,,,Nothing,
                """, HistoryFormat.LASTFM);
        assertEquals(0, headed.matched(), headed.toString());
        assertEquals(1, headed.unmatched());
        assertEquals(1, headed.duplicates(), "the same scrobble as line 1 of the first file");
    }

    @Test
    void itunesLibraryCountsMatchByLocation() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Major Version</key><integer>1</integer>
                  <key>Tracks</key>
                  <dict>
                    <key>101</key>
                    <dict>
                      <key>Track ID</key><integer>101</integer>
                      <key>Name</key><string>Renamed In iTunes</string>
                      <key>Artist</key><string>Artist A</string>
                      <key>Total Time</key><integer>200000</integer>
                      <key>Play Count</key><integer>14</integer>
                      <key>Skip Count</key><integer>2</integer>
                      <key>Play Date UTC</key><date>2020-05-01T20:00:00Z</date>
                      <key>Location</key><string>file://localhost/music/a/one.mp3</string>
                      <key>Compilation</key><true/>
                    </dict>
                    <key>102</key>
                    <dict><key>Name</key><string>Never Played</string><key>Artist</key><string>Z</string></dict>
                    <key>103</key>
                    <dict><key>Artist</key><string>Z</string><key>Play Count</key><integer>3</integer></dict>
                    <key>104</key>
                    <dict><key>Name</key><string>Elsewhere</string><key>Artist</key><string>Q</string><key>Play Count</key><integer>1</integer></dict>
                  </dict>
                  <key>Playlists</key><array><dict><key>Name</key><string>Library</string></dict></array>
                </dict>
                </plist>
                """;
        ImportReport r = importText("Library.xml", xml, null);
        assertEquals(HistoryFormat.ITUNES, r.format());
        assertEquals(1, r.matched(), r.toString());
        assertEquals(1, r.unmatched());
        assertEquals(1, r.malformedCount());
        assertTrue(r.malformed().get(0).where().startsWith("track 103"), r.malformed().toString());
        assertEquals(14, scalar("SELECT plays FROM play_counts p JOIN tracks t ON t.id = p.track_id WHERE t.path = '/music/a/one.mp3'"));
        assertEquals(2, importText("Library.xml", xml, null).duplicates(), "re-import refreshes, adds nothing");
        assertEquals(2, scalar("SELECT COUNT(*) FROM play_counts"));
    }

    @Test
    void aFileOfNoKnownFormatIsBadInput() throws Exception {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"hello\": 1}");
        assertThrows(BadInputException.class, () -> new HistoryImporter(db).importFile(file, null, Progress.NONE));
        assertThrows(BadInputException.class, () -> new HistoryImporter(db).importFile(dir.resolve("none"), null, Progress.NONE));
    }
}
