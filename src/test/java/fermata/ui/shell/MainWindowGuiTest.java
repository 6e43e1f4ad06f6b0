package fermata.ui.shell;

import fermata.core.edit.RenameTrack;
import fermata.core.project.Assets;
import fermata.core.project.ProjectFiles;
import fermata.testsupport.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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

/** The real window on the demo project, headless under Monocle: the track list shows it and undo works through the keyboard. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {
    private StudioViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path demo = Path.of("assets", Assets.DEMO_PROJECT);
        model = new StudioViewModel(ProjectFiles.read(demo).project(), demo);
        MainWindow window = new MainWindow(model, new NoFileActions());
        scene = new Scene(window.root(), 1000, 600);
        StudioApp.applyTheme();
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void listsTracksAndUndoesARenameWithTheShortcut(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#track-list").queryAs(TableView.class);
        assertEquals(4, table.getItems().size());
        robot.interact(() -> model.execute(new RenameTrack("piano", "Keys")));
        assertEquals("Keys", model.tracks().get(0).name());
        robot.clickOn(table).press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Piano", model.tracks().get(0).name());

        Path[] png = new Path[1];
        robot.interact(() -> png[0] = Screenshots.write(scene, "studio"));
        assertTrue(Files.size(png[0].toAbsolutePath()) > 1000, "screenshot written");
    }

    private static final class NoFileActions implements StudioActions {
        @Override public void newProject() { }
        @Override public void open() { }
        @Override public void save() { }
        @Override public void saveAs() { }
        @Override public void importMidi() { }
        @Override public void exportMidi() { }
        @Override public void quit() { }
    }
}
