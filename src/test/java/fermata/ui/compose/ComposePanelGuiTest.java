package fermata.ui.compose;

import atlantafx.base.theme.PrimerDark;
import fermata.core.compose.ComputeBackend;
import fermata.core.compose.ModelStore;
import fermata.core.edit.History;
import fermata.core.model.Project;
import fermata.core.task.TaskExecutor;
import fermata.testsupport.Screenshots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The composition panel on a four-voice chorale with the bundled model, beside the training dialog
 * after a short real training run: Generate lists alternatives, a click auditions one, Accept puts it
 * into the project as one undo step. Writes docs/screenshots/compose.png.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ComposePanelGuiTest {
    private static Project chorale;
    private static TrainingViewModel training;
    private History history;
    private ComposeViewModel model;
    private ComposePanel panel;
    private Scene scene;
    private final List<Project> auditioned = new ArrayList<>();

    /** The slow parts once, off the FX thread: the chorale and a short real training run for the loss plot. */
    @BeforeAll
    static void prepare() throws Exception {
        ComputeBackend.limitThreads(1);
        chorale = ComposeViewModelTest.chorale();
        Path home = Files.createTempDirectory("fermata-compose");
        training = new TrainingViewModel(TaskExecutor.sameThread(), new ModelStore(home));
        Path dataset = home.resolve("tiny.json");
        String piece = "[[60, 64, 67, 48], [62, 65, 69, 50], [64, 67, 72, 52], [65, 69, 72, 53],"
                + " [67, 71, 74, 55], [65, 69, 72, 53], [64, 67, 72, 52], [62, 65, 71, 55]]";
        Files.writeString(dataset, "{\"train\": [" + piece + ", " + piece + "], \"valid\": [" + piece + "]}");
        training.datasetProperty().set(dataset);
        training.epochsProperty().set(6);
        training.nameProperty().set("tiny-gan");
        training.start().join();
    }

    @Start
    void start(Stage stage) throws Exception {
        history = new History(chorale);
        Path home = Files.createTempDirectory("fermata-compose");
        model = new ComposeViewModel(history, TaskExecutor.sameThread());
        model.setPreviewHook(auditioned::add);
        model.refreshModels(new ModelStore(home), List.of(ComposeViewModelTest.BUNDLED));
        model.keyProperty().set("D minor");
        panel = new ComposePanel(model, () -> { });

        TrainingDialog dialog = new TrainingDialog(training);

        HBox both = new HBox(12, panel.root(), dialog.root());
        HBox.setHgrow(dialog.root(), Priority.ALWAYS);
        ((javafx.scene.layout.Region) panel.root()).setPrefWidth(560);
        scene = new Scene(both, 1200, 720);
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        stage.setScene(scene);
        stage.show();
        assertEquals(3, dialog.chart().getData().size(), "one line per figure");
        assertEquals(6, dialog.chart().getData().get(0).getData().size(), "one point per epoch");
    }

    @Test
    void generateAuditionAcceptAndUndo(FxRobot robot) {
        robot.clickOn("#compose-generate");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, panel.alternativesList().getItems().size());

        robot.clickOn(cell(robot, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, auditioned.size(), "one click auditions");
        assertEquals(model.alternatives().get(1).preview(chorale), auditioned.get(0));

        robot.clickOn("#compose-accept");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(chorale.tracks().size() + 4, history.current().tracks().size());
        robot.interact(history::undo);
        assertSame(chorale, history.current());
    }

    @Test
    void writesTheComposeScreenshot(FxRobot robot) throws Exception {
        robot.clickOn("#compose-generate");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(cell(robot, 0));
        WaitForAsyncUtils.waitForFxEvents();
        Path[] png = new Path[1];
        robot.interact(() -> png[0] = Screenshots.write(scene, "compose"));
        assertTrue(Files.size(png[0]) > 10_000, "screenshot written");
    }

    private static Node cell(FxRobot robot, int index) {
        return robot.lookup("#compose-alternatives .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getIndex() == index).findFirst().orElseThrow();
    }
}
