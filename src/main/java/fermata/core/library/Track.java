package fermata.core.library;

import java.nio.file.Path;

/** A library file and its tags; text fields may be null when the file has no such tag. */
public record Track(long id, Path path, String title, String artist, String album, String albumArtist, String genre,
                    Integer year, Integer trackNumber, long durationMs, Integer rating, String recordingMbid) {

    /** The title, or the file name without its extension when the file has no title tag. */
    public String displayTitle() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public String displayArtist() {
        return artist != null && !artist.isBlank() ? artist : "Unknown artist";
    }
}
