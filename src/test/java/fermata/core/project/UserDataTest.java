package fermata.core.project;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserDataTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void fermataHomeOverridesThePlatform() {
        assertEquals(Path.of("/data/fermata"),
                UserData.locate(Map.of("FERMATA_HOME", "/data/fermata", "XDG_DATA_HOME", "/xdg"), "Linux", HOME).root());
        assertEquals(Path.of("/data/f"), UserData.locate(Map.of("FERMATA_HOME", "/data/f"), "Windows 11", HOME).root());
    }

    @Test
    void linuxFollowsXdg() {
        assertEquals(Path.of("/xdg/data/fermata"),
                UserData.locate(Map.of("XDG_DATA_HOME", "/xdg/data"), "Linux", HOME).root());
        assertEquals(Path.of("/home/ada/.local/share/fermata"), UserData.locate(Map.of(), "Linux", HOME).root());
        assertEquals(Path.of("/home/ada/.local/share/fermata"),
                UserData.locate(Map.of("XDG_DATA_HOME", "relative/dir", "FERMATA_HOME", " "), "Linux", HOME).root());
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of("/home/ada/Library/Application Support/Fermata"),
                UserData.locate(Map.of("XDG_DATA_HOME", "/xdg"), "Mac OS X", HOME).root());
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("/roaming/Fermata"), UserData.locate(Map.of("APPDATA", "/roaming"), "Windows 10", HOME).root());
        assertEquals(Path.of("/home/ada/AppData/Roaming/Fermata"), UserData.locate(Map.of(), "Windows 10", HOME).root());
    }

    @Test
    void subfoldersLieUnderTheRoot() {
        UserData data = new UserData(Path.of("/f"));
        assertEquals(Path.of("/f/recovery"), data.recovery());
        assertEquals(Path.of("/f/models"), data.models());
        assertEquals(Path.of("/f/peaks"), data.peaks());
        assertEquals(Path.of("/f/library"), data.library());
        assertEquals(Path.of("/f/logs"), data.logs());
        assertEquals(Path.of("/f/settings"), data.settings());
    }
}
