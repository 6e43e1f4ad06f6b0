package fermata.core.project;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bundled {@code assets/} folder: the system property {@code fermata.assets}, the
 * working directory (a source checkout, {@code mvn javafx:run}), or beside the folder of the jar
 * (an installation).
 */
public final class Assets {
    /** The drafted song the studio opens on first start. */
    public static final String DEMO_PROJECT = "demo/first-light.fermata";
    /** Five recorded stems, unbalanced, for Automix. */
    public static final String DEMO_STEMS = "demo/stems.fermata";
    /** A voice-like take with hiss and hum, for Denoise. */
    public static final String DEMO_NOISY_TAKE = "demo/noisy-take.fermata";
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

    /** Every bundled demo project, the first-start song first, then by file name. */
    public static List<Path> demos() {
        List<Path> demos = new ArrayList<>(listing("demo", "*.fermata"));
        demoProject().ifPresent(first -> {
            demos.remove(first);
            demos.add(0, first);
        });
        return demos;
    }

    /** Every bundled composition model (zip with weights and card), the default model first. */
    public static List<Path> models() {
        List<Path> models = new ArrayList<>(listing("models", "*.zip"));
        defaultModel().ifPresent(first -> {
            models.remove(first);
            models.add(0, first);
        });
        return models;
    }

    private static List<Path> listing(String subfolder, String glob) {
        Optional<Path> folder = folder().map(f -> f.resolve(subfolder)).filter(Files::isDirectory);
        if (folder.isEmpty()) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.get(), glob)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            // An unreadable assets folder offers nothing bundled; the studio and CLI say so where it matters.
            return List.of();
        }
        files.sort(null);
        return files;
    }

    private static Optional<Path> file(String relative) {
        return folder().map(f -> f.resolve(relative)).filter(Files::isRegularFile);
    }
}
