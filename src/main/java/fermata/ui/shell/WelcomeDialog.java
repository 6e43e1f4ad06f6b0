package fermata.ui.shell;

import fermata.core.project.UserData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The first start's welcome: what is open, where the user's data lives, which SoundFont and AI
 * backend were found (filled in as the engine and ND4J finish starting), and where the guide is.
 * Nothing is downloaded, and nothing leaves the machine.
 */
public final class WelcomeDialog {
    private WelcomeDialog() {
    }

    /** The welcome's content. */
    public static VBox content(StatusViewModel status, UserData userData, Optional<Path> guide) {
        Label intro = new Label("Fermata Studio drafts, edits, analyses, mixes and recommends music on this machine "
                + "alone: your files and listening history never leave it, and nothing is downloaded.");
        intro.setWrapText(true);
        Label demo = new Label("The demo song “First Light” is open: press Space to play it, pick a track on the left "
                + "to edit its notes, and try the Analysis, Compose and Mix panels on the right.");
        demo.setWrapText(true);
        Label data = new Label("Your settings, models, caches and library live in " + userData.root().toAbsolutePath()
                + " (set FERMATA_HOME to move them).");
        data.setWrapText(true);
        Label sound = new Label();
        sound.textProperty().bind(status.soundBankProperty());
        Label device = new Label();
        device.textProperty().bind(status.deviceProperty());
        Label backend = new Label();
        backend.textProperty().bind(status.backendProperty());
        Label guideText = new Label(guide.map(g -> "The user guide: " + g.toAbsolutePath())
                .orElse("The user guide is in docs/guide/ of the source and on the project's page."));
        guideText.setWrapText(true);
        Label keys = new Label("Help ▸ Keyboard Shortcuts (F1) lists every shortcut; Edit ▸ Preferences sets the "
                + "audio device, SoundFont and GPU.");
        keys.setWrapText(true);
        VBox box = new VBox(10, intro, demo, data, sound, device, backend, guideText, keys);
        box.setPrefWidth(560);
        box.setId("welcome");
        return box;
    }

    public static void show(Window owner, StatusViewModel status, UserData userData, Optional<Path> guide) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Welcome to Fermata Studio");
        dialog.setHeaderText("Welcome to Fermata Studio");
        dialog.getDialogPane().setContent(content(status, userData, guide));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
