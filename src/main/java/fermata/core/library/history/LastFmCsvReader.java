package fermata.core.library.history;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Last.fm scrobbles as the common exporters write them. Without a header the columns are artist,
 * album, track, timestamp; with one, columns are found by name ({@code artist}, {@code album},
 * {@code track}/{@code title}/{@code name}, {@code uts}/{@code timestamp}/{@code date}/{@code
 * utc_time}, {@code track_mbid}/{@code mbid}). A timestamp is Unix seconds (or milliseconds), ISO
 * 8601, "2021-01-31 12:34[:56]" or "31 Jan 2021 12:34" (UTC). Fields may be double-quoted.
 */
final class LastFmCsvReader implements HistoryReader {
    private static final DateTimeFormatter[] DATE_FORMATS = {
        DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
    };

    @Override
    public void read(Path file, HistorySink sink) throws Exception {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            int artist = 0;
            int album = 1;
            int track = 2;
            int time = 3;
            int mbid = -1;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = split(line);
                if (number == 1 && looksLikeHeader(fields)) {
                    artist = column(fields, "artist", "artist_name");
                    album = column(fields, "album", "album_name", "release");
                    track = column(fields, "track", "title", "name", "track_name");
                    time = column(fields, "uts", "timestamp", "date", "utc_time", "time", "played_at");
                    mbid = column(fields, "track_mbid", "mbid", "recording_mbid");
                    if (artist < 0 || track < 0 || time < 0) {
                        throw new fermata.core.error.BadInputException(file, "line 1", "the header names no artist, track or"
                                + " timestamp column: " + line, "use columns artist, album, track, timestamp");
                    }
                    continue;
                }
                String where = "line " + number;
                String a = field(fields, artist);
                String t = field(fields, track);
                if (a == null || t == null) {
                    sink.malformed(where, "no artist or track (" + fields.size() + " fields)");
                    continue;
                }
                Long when = time(field(fields, time));
                if (when == null) {
                    sink.malformed(where, "timestamp \"" + field(fields, time) + "\" is not Unix seconds or a date and time");
                    continue;
                }
                sink.listen(new Listen(when, a, t, field(fields, album), null, null, null, field(fields, mbid)));
            }
        }
    }

    private static boolean looksLikeHeader(List<String> fields) {
        return fields.stream().anyMatch(f -> f.strip().equalsIgnoreCase("artist") || f.strip().equalsIgnoreCase("artist_name"))
                && fields.stream().noneMatch(f -> f.strip().matches("\\d{9,}"));
    }

    private static int column(List<String> header, String... names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String field(List<String> fields, int index) {
        if (index < 0 || index >= fields.size()) {
            return null;
        }
        String f = fields.get(index).strip();
        return f.isEmpty() ? null : f;
    }

    /** Milliseconds since the epoch, or null. */
    static Long time(String text) {
        if (text == null) {
            return null;
        }
        if (text.matches("\\d+")) {
            long v = Long.parseLong(text);
            return v > 100_000_000_000L ? v : v * 1000;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the exporters' local layouts below
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                // next layout
            }
        }
        return null;
    }

    /** RFC 4180 fields of one line: commas separate, double quotes enclose, "" is a quote. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }
}
