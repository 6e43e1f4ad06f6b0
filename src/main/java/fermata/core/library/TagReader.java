package fermata.core.library;

import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Tags and duration of an audio file through jaudiotagger (MP3, FLAC, Ogg Vorbis, MP4/M4A, WAV, AIFF, WMA, DSF). */
public final class TagReader {
    /** The extensions a scan looks at; other files in a music folder (covers, playlists, notes) are not music. */
    public static final Set<String> AUDIO_EXTENSIONS = Set.of("mp3", "flac", "ogg", "oga", "m4a", "mp4", "m4b", "wav",
            "aif", "aiff", "aifc", "wma", "dsf");

    static {
        // jaudiotagger logs every oddity it meets at INFO/WARNING on the root handler; the scan reports failures itself.
        Logger.getLogger("org.jaudiotagger").setLevel(Level.OFF);
    }

    private TagReader() {
    }

    public static boolean isAudioName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** What a file says about itself; id is 0 (not yet stored). */
    public static Track read(Path file) throws UnreadableAudioException {
        AudioFile audio;
        try {
            audio = AudioFileIO.read(file.toFile());
        } catch (Exception | LinkageError e) {
            throw new UnreadableAudioException(file, describe(e));
        }
        AudioHeader header = audio.getAudioHeader();
        if (header == null) {
            throw new UnreadableAudioException(file, "no audio header");
        }
        double seconds = header.getPreciseTrackLength();
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new UnreadableAudioException(file, "no audio data (length " + seconds + " s); the file may be truncated");
        }
        Tag tag = audio.getTag();
        return new Track(0, file.toAbsolutePath().normalize(), text(tag, FieldKey.TITLE), text(tag, FieldKey.ARTIST),
                text(tag, FieldKey.ALBUM), text(tag, FieldKey.ALBUM_ARTIST), text(tag, FieldKey.GENRE),
                number(text(tag, FieldKey.YEAR)), number(text(tag, FieldKey.TRACK)), Math.round(seconds * 1000),
                number(text(tag, FieldKey.RATING)), text(tag, FieldKey.MUSICBRAINZ_TRACK_ID));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return (message == null || message.isBlank()) ? "not readable as audio (" + kind + ")"
                : "not readable as audio (" + kind + "): " + message.lines().findFirst().orElse("");
    }

    private static String text(Tag tag, FieldKey key) {
        if (tag == null) {
            return null;
        }
        try {
            String value = tag.getFirst(key);
            return value == null || value.isBlank() ? null : value.strip();
        } catch (RuntimeException e) {
            return null; // a field the format cannot hold
        }
    }

    /** The leading integer of "2011-05-03" or "3/12"; null when there is none. */
    static Integer number(String text) {
        if (text == null) {
            return null;
        }
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 9) {
            return null;
        }
        return Integer.parseInt(text.substring(0, end));
    }
}
