package fermata.core.project;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the bundled {@code assets/} folder: the system property {@code fermata.assets}, the
 * working directory (a source checkout, {@code mvn javafx:run}), or beside the folder of the jar
 * (an installation).
 */
public final class Assets {
    public static final String DEMO_PROJECT = "demo/first-light.fermata";
    /** The composition model that ships with Fermata, trained by {@code fermata train} on the JSB chorales. */
    public static final String DEFAULT_MODEL = "models/tcn-jsb.zip";

    private Assets() {
    }

    public static Optional<Path> folder() {
        String configured = System.getProperty("fermata.assets");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        Path here = Path.of("assets");
        if (Files.isDirectory(here)) {
            return Optional.of(here);
        }
        try {
            Path jar = Path.of(Assets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.getParent();
            for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
                Path candidate = dir.resolve("assets");
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public static Optional<Path> demoProject() {
        return file(DEMO_PROJECT);
    }

    public static Optional<Path> defaultModel() {
        return file(DEFAULT_MODEL);
    }

    private static Optional<Path> file(String relative) {
        return folder().map(f -> f.resolve(relative)).filter(Files::isRegularFile);
    }
}
