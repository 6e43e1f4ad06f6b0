package fermata.core.library;

import java.nio.file.Path;
import java.util.List;

/** What a scan did: files added, re-read because they changed, left alone, forgotten because they are gone, and the problems it met. */
public record ScanReport(int added, int updated, int unchanged, int removed, List<Problem> problems) {
    public ScanReport {
        problems = List.copyOf(problems);
    }

    /** A file or folder the scan could not read, and why; the scan went on without it. */
    public record Problem(Path path, String reason) {
    }
}
