package fermata.core.library.history;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did. Matched and unmatched count new listens (or play-count rows) by whether a
 * library file was found for them; duplicates were already in the database (a re-import adds
 * nothing); ignored records are well-formed but not music (podcasts); malformed ones are listed
 * with their line or record number, the first {@value #LISTED} of them.
 */
public record ImportReport(Path file, HistoryFormat format, int matched, int unmatched, int duplicates, int ignored,
                           int malformedCount, List<Malformed> malformed) {
    public static final int LISTED = 1000;

    public ImportReport {
        malformed = List.copyOf(malformed);
    }

    public record Malformed(String where, String reason) {
    }
}
