package fermata.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only data sets in {@code ../shared/data} (see its README). Tests that need one skip
 * with a clear message when it is absent, so the project still tests on a bare clone.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder: system property {@code fermata.shared} (set by the build), else ../shared. */
    public static Path root() {
        String configured = System.getProperty("fermata.shared");
        return Path.of(configured != null ? configured : "../shared").toAbsolutePath().normalize();
    }

    /** A path under {@code shared/data}, or the test is skipped (not failed) when it is missing. */
    public static Path require(String relative) {
        Path p = root().resolve("data").resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "skipped: shared data set " + p
                + " is absent (it lives beside the repository in ../shared; see ../shared/data/README.md)");
        return p;
    }
}
