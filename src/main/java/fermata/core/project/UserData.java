package fermata.core.project;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Fermata keeps what belongs to the user rather than to a project: recovery copies,
 * composition models, the peak cache, the library database, logs and settings.
 *
 * <p>{@code FERMATA_HOME} overrides the platform's place: on Linux {@code $XDG_DATA_HOME/fermata}
 * or {@code ~/.local/share/fermata}, on macOS {@code ~/Library/Application Support/Fermata}, on
 * Windows {@code %APPDATA%\Fermata}. Folders are named here, not created; whoever writes creates.
 */
public record UserData(Path root) {
    public UserData {
        root = root.toAbsolutePath().normalize();
    }

    /** The user data folder of this process's user, from the real environment. */
    public static UserData current() {
        return locate(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** The user data folder for a given environment, operating system name and home folder. */
    public static UserData locate(Map<String, String> environment, String osName, Path home) {
        String override = environment.get("FERMATA_HOME");
        if (isSet(override)) {
            return new UserData(Path.of(override));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path roaming = isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return new UserData(roaming.resolve("Fermata"));
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return new UserData(home.resolve("Library").resolve("Application Support").resolve("Fermata"));
        }
        String xdg = environment.get("XDG_DATA_HOME");
        // The XDG specification says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (isSet(xdg) && Path.of(xdg).isAbsolute()) {
            return new UserData(Path.of(xdg).resolve("fermata"));
        }
        return new UserData(home.resolve(".local").resolve("share").resolve("fermata"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** Autosaved copies of projects with unsaved changes ({@link Recovery}). */
    public Path recovery() {
        return root.resolve("recovery");
    }

    /** Composition model files. */
    public Path models() {
        return root.resolve("models");
    }

    /** Cached waveform peak summaries. */
    public Path peaks() {
        return root.resolve("peaks");
    }

    /** Media decoded or resampled once for playback, by content hash; safe to delete. */
    public Path audioCache() {
        return root.resolve("cache").resolve("audio");
    }

    /** The library database. */
    public Path library() {
        return root.resolve("library");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path settings() {
        return root.resolve("settings");
    }
}
