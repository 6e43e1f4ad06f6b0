package fermata.ui.analysis;

import atlantafx.base.theme.PrimerDark;
import fermata.core.edit.History;
import fermata.testsupport.Screenshots;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The panel at sidebar width in the dark theme, analysing the master of a generated project (MIDI
 * rendered, audio clips decoded) for real; clicking "Use detected key" edits the project. Writes
 * docs/screenshots/analysis.png.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AnalysisPanelGuiTest {
    private History history;
    private AnalysisViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory("fermata-analysis-gui");
        history = new History(AnalysisProjects.project(folder));
        model = AnalysisProjects.viewModel(history, folder.resolve("cache"), Runnable::run);
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        scene = new Scene(new AnalysisPanel(model), 360, 1240);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsARealResultAndUsesTheDetectedKey(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#analysis-use-key").queryAs(Button.class).isDisabled());
        robot.interact(() -> model.setTarget(null));
        robot.clickOn("#analysis-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.runningProperty().get());
        GridPane loudness = robot.lookup("#analysis-loudness").queryAs(GridPane.class);
        assertEquals(12, loudness.getChildren().size(), "six loudness readings, name and value; " + model.statusProperty().get());
        assertTrue(((Label) loudness.getChildren().get(1)).getText().endsWith("LUFS"));
        assertEquals(model.advice().size(), robot.lookup(".analysis-advice").queryAll().size());

        Path[] png = new Path[1];
        robot.interact(() -> png[0] = Screenshots.write(scene, "analysis"));
        assertTrue(Files.size(png[0].toAbsolutePath()) > 20_000, "screenshot written");

        robot.clickOn("#analysis-use-key");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, history.current().keySignatures().size());
        assertTrue(history.canUndo());
    }
}
