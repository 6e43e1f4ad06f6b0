package fermata.core.library.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Spotify's two history exports. Extended Streaming History: {@code ts} (when the stream ended,
 * UTC), {@code ms_played}, {@code master_metadata_track_name}, {@code
 * master_metadata_album_artist_name}, {@code master_metadata_album_album_name}, {@code skipped}
 * and {@code reason_end} ("fwdbtn" is a skip when {@code skipped} is absent); podcast episodes
 * are ignored. The older {@code StreamingHistory*.json}: {@code endTime} ("2019-02-13 18:44", UTC),
 * {@code artistName}, {@code trackName}, {@code msPlayed}. A listen starts at the end minus the
 * time played.
 */
final class SpotifyReader implements HistoryReader {
    private static final DateTimeFormatter OLD_END_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public void read(Path file, HistorySink sink) throws Exception {
        JsonRecords.forEach(file, sink, (where, node) -> {
            if (node.has("ts")) {
                extended(where, node, sink);
            } else if (node.has("endTime")) {
                old(where, node, sink);
            } else {
                sink.malformed(where, "neither \"ts\" (extended history) nor \"endTime\" (account data history)");
            }
        });
    }

    private static void extended(String where, JsonNode node, HistorySink sink) throws Exception {
        Instant end;
        try {
            end = Instant.parse(JsonRecords.text(node, "ts"));
        } catch (DateTimeParseException | NullPointerException e) {
            sink.malformed(where, "\"ts\" is not a UTC time like 2021-03-01T12:34:56Z: " + node.get("ts"));
            return;
        }
        Long played = JsonRecords.number(node, "ms_played");
        if (played == null || played < 0) {
            sink.malformed(where, "\"ms_played\" is missing or negative");
            return;
        }
        String title = JsonRecords.text(node, "master_metadata_track_name");
        String artist = JsonRecords.text(node, "master_metadata_album_artist_name");
        if (title == null || artist == null) {
            if (JsonRecords.text(node, "episode_name") != null || JsonRecords.text(node, "spotify_episode_uri") != null) {
                sink.ignored(where, "a podcast episode");
            } else {
                sink.malformed(where, "no track name or artist");
            }
            return;
        }
        JsonNode skippedNode = node.get("skipped");
        Boolean skipped = null;
        if (skippedNode != null && skippedNode.isBoolean()) {
            skipped = skippedNode.asBoolean();
        } else if ("fwdbtn".equals(JsonRecords.text(node, "reason_end"))) {
            skipped = Boolean.TRUE;
        }
        sink.listen(new Listen(end.toEpochMilli() - played, artist, title, JsonRecords.text(node, "master_metadata_album_album_name"),
                null, played, skipped, null));
    }

    private static void old(String where, JsonNode node, HistorySink sink) throws Exception {
        long end;
        try {
            end = LocalDateTime.parse(JsonRecords.text(node, "endTime"), OLD_END_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            sink.malformed(where, "\"endTime\" is not like 2019-02-13 18:44: " + node.get("endTime"));
            return;
        }
        Long played = JsonRecords.number(node, "msPlayed");
        String title = JsonRecords.text(node, "trackName");
        String artist = JsonRecords.text(node, "artistName");
        if (played == null || played < 0 || title == null || artist == null) {
            sink.malformed(where, "needs \"artistName\", \"trackName\" and \"msPlayed\"");
            return;
        }
        sink.listen(new Listen(end - played, artist, title, null, null, played, null, null));
    }
}
