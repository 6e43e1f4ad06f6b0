package fermata.core.library.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * ListenBrainz's export: {@code listened_at} (Unix seconds) and {@code track_metadata} with
 * {@code artist_name}, {@code track_name}, {@code release_name} and {@code additional_info}
 * ({@code duration_ms} or {@code duration} in seconds, {@code recording_mbid}); the MBID may also
 * sit in {@code mbid_mapping.recording_mbid}.
 */
final class ListenBrainzReader implements HistoryReader {
    @Override
    public void read(Path file, HistorySink sink) throws Exception {
        JsonRecords.forEach(file, sink, (where, node) -> {
            Long seconds = JsonRecords.number(node, "listened_at");
            JsonNode meta = node.get("track_metadata");
            if (seconds == null || seconds <= 0) {
                sink.malformed(where, "\"listened_at\" is missing or not Unix seconds");
                return;
            }
            if (meta == null || !meta.isObject()) {
                sink.malformed(where, "no \"track_metadata\" object");
                return;
            }
            String artist = JsonRecords.text(meta, "artist_name");
            String title = JsonRecords.text(meta, "track_name");
            if (artist == null || title == null) {
                sink.malformed(where, "\"track_metadata\" lacks \"artist_name\" or \"track_name\"");
                return;
            }
            JsonNode info = meta.path("additional_info");
            Long duration = JsonRecords.number(info, "duration_ms");
            if (duration == null && JsonRecords.number(info, "duration") != null) {
                duration = JsonRecords.number(info, "duration") * 1000;
            }
            String mbid = JsonRecords.text(info, "recording_mbid");
            if (mbid == null) {
                mbid = JsonRecords.text(meta.path("mbid_mapping"), "recording_mbid");
            }
            sink.listen(new Listen(seconds * 1000, artist, title, JsonRecords.text(meta, "release_name"), duration, null, null, mbid));
        });
    }
}
