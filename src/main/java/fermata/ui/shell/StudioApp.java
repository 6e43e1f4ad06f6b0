package fermata.ui.shell;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The studio's JavaFX application. */
public final class StudioApp extends Application {

    public static void launchStudio(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    /** The dark theme by default (AtlantaFX Primer). */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage stage) {
        applyTheme();
        stage.setTitle("Fermata Studio");
        stage.setScene(new Scene(new Label("Fermata Studio"), 800, 500));
        stage.show();
    }
}
