package fermata.core.library.history;

import fermata.core.error.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The listening-history exports Fermata reads, by the names the command line uses. */
public enum HistoryFormat {
    /** Spotify's Extended Streaming History ({@code ts, ms_played, master_metadata_*}) and the older {@code StreamingHistory*.json}. */
    SPOTIFY("spotify"),
    /** ListenBrainz's export: a JSON array or JSON lines of {@code listened_at, track_metadata}. */
    LISTENBRAINZ("listenbrainz"),
    /** Last.fm scrobbles as CSV: artist, album, track, timestamp, with or without a header. */
    LASTFM("lastfm"),
    /** Apple Music / iTunes {@code Library.xml}: play and skip counts per track. */
    ITUNES("itunes");

    private final String cliName;

    HistoryFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<HistoryFormat> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.cliName.equals(wanted)).findFirst();
    }

    /** Guesses the format from the first bytes of the file. */
    public static HistoryFormat detect(Path file) throws IOException, BadInputException {
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
        String trimmed = head.strip();
        if (trimmed.startsWith("<?xml") || trimmed.startsWith("<plist")) {
            return ITUNES;
        }
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            if (head.contains("listened_at") || head.contains("track_metadata")) {
                return LISTENBRAINZ;
            }
            if (head.contains("ms_played") || head.contains("msPlayed") || head.contains("endTime")) {
                return SPOTIFY;
            }
            throw new BadInputException(file, null, "JSON, but neither Spotify's nor ListenBrainz's history",
                    "name the format with --format");
        }
        if (!trimmed.isEmpty()) {
            return LASTFM;
        }
        throw new BadInputException(file, null, "the file is empty", "export your history again");
    }

    public HistoryReader reader() {
        return switch (this) {
            case SPOTIFY -> new SpotifyReader();
            case LISTENBRAINZ -> new ListenBrainzReader();
            case LASTFM -> new LastFmCsvReader();
            case ITUNES -> new ItunesLibraryReader();
        };
    }
}
