package fermata.ui.mixer;

import fermata.core.edit.History;
import fermata.core.model.MediaRef;
import fermata.core.task.TaskExecutor;
import fermata.testsupport.Screenshots;
import fermata.ui.shell.StudioApp;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mix panel headless under Monocle: Automix fills the decision list and the meters, A/B switches; screenshot docs/screenshots/mix.png. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MixPanelGuiTest {
    private History history;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("fermata-mix-gui");
        history = new History(MixProjects.band(dir));
        MixPanel panel = new MixPanel(new MixPanelViewModel(history, TaskExecutor.sameThread(), Runnable::run,
                (MediaRef ref) -> Path.of(ref.path()), dir.resolve("user")));
        scene = new Scene(panel, 900, 560);
        StudioApp.applyTheme();
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void automixFillsTheDecisionsAndTheMeters(FxRobot robot) throws Exception {
        robot.clickOn("#automix");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#mix-decisions").queryAs(TableView.class);
        assertTrue(table.getItems().size() >= 8, "decisions listed: " + table.getItems().size());
        assertEquals(1, history.undoDepth());
        Label lufs = robot.lookup("#mix-lufs").queryAs(Label.class);
        assertTrue(lufs.getText().endsWith("LUFS") && lufs.getText().startsWith("-14"), lufs.getText());
        Path[] png = new Path[1];
        robot.interact(() -> png[0] = Screenshots.write(scene, "mix"));
        robot.clickOn("#mix-ab");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#mix-ab").queryLabeled().getText().startsWith("B: plain sum"));
        assertTrue(Files.size(png[0]) > 1000, "screenshot written");
    }
}
