package fermata.ui.shell;

import fermata.core.engine.rt.TransportState;
import fermata.core.model.BarPosition;
import fermata.core.project.Assets;
import fermata.core.project.LoadedProject;
import fermata.core.task.TaskExecutor;
import fermata.core.project.ProjectFiles;
import fermata.testsupport.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window on the demo project, headless under Monocle, with a fake transport in place of
 * the sound device: the track list edits the mixer with undo, space and the transport bar drive
 * the transport, and the shortcuts dialog lists every shortcut. Writes docs/screenshots/studio.png.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {
    private StudioViewModel model;
    private TransportViewModel transport;
    private final TransportViewModelTest.FakeTransport fake = new TransportViewModelTest.FakeTransport();
    private MainWindow window;
    private Scene scene;
    private final NoFileActions actions = new NoFileActions();

    @Start
    void start(Stage stage) throws Exception {
        Path demo = Path.of("assets", Assets.DEMO_PROJECT);
        model = new StudioViewModel(ProjectFiles.read(demo).project(), demo);
        transport = new TransportViewModel(model);
        transport.connect(fake, fake, Optional.empty());
        StatusViewModel status = new StatusViewModel();
        status.showDevice("Default output", 48_000, 512);
        status.showLoad(0.07);
        status.showBackend("CPU");
        status.showSoundBank("TimGM6mb.sf2");
        window = new MainWindow(model, transport, status, actions, TaskExecutor.sameThread(),
                ref -> LoadedProject.mediaFile(demo, ref));
        scene = new Scene(window.root(), 1600, 900);
        StudioApp.applyTheme();
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theTrackListEditsTheMixerAndTheShortcutUndoesIt(FxRobot robot) {
        assertEquals(4, window.trackList().getItems().size());
        ToggleButton mute = robot.lookup("#track-list #mute").queryAs(ToggleButton.class);
        robot.clickOn(mute);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.project().tracks().get(0).mixer().mute());
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.project().tracks().get(0).mixer().mute());
    }

    @Test
    void spaceAndTheTransportBarDriveTheTransport(FxRobot robot) {
        robot.clickOn("#editor-area");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TransportState.PLAYING, fake.state);
        long bar3 = BarPosition.startOfBar(3, model.project().timeSignatures());
        fake.playhead = model.project().tempoMap().frame(bar3, 48_000);
        robot.interact(transport::refresh);
        assertEquals("3.1.000", robot.lookup("#transport-bars").queryAs(Label.class).getText());
        robot.clickOn("#transport-stop");
        assertEquals(TransportState.STOPPED, fake.state);
        robot.clickOn("#transport-metronome");
        assertTrue(fake.calls.contains("metronome true"));
    }

    @Test
    void theShortcutsTableListsMenuAcceleratorsAndEditorKeys() {
        List<Shortcut> all = window.shortcuts();
        TableView<Shortcut> table = ShortcutsDialog.table(all);
        List<String> actions = table.getItems().stream().map(Shortcut::action).toList();
        assertTrue(actions.containsAll(List.of("Undo", "Redo", "Cut", "Copy", "Paste", "Duplicate", "Play / pause",
                "Delete the selected notes", "Zoom In", "Keyboard Shortcuts")), actions.toString());
        assertEquals(all.size(), all.stream().map(Shortcut::keys).distinct().count(), "no key does two things");
    }

    @Test
    void aLayoutAddsItsTracksAsOneUndoStepAndTheDemoMenuOpensEachDemo(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu layouts = findMenu(bar.getMenus(), "layout-menu");
        MenuItem quartet = layouts.getItems().stream().filter(i -> "layout-string-quartet".equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no string-quartet layout in " + layouts.getItems()));
        robot.interact(quartet::fire);
        List<String> names = model.project().tracks().stream().map(fermata.core.model.Track::name).toList();
        assertEquals(8, names.size(), names.toString());
        assertEquals(List.of("Violin I", "Violin II", "Viola", "Cello"), names.subList(4, 8));
        robot.interact(model::undo);
        assertEquals(4, model.project().tracks().size(), "one undo takes the whole layout back");

        Menu demos = findMenu(bar.getMenus(), "demo-menu");
        assertEquals(List.of("First Light: a drafted song", "Noisy Take: a recording to denoise",
                "Stems: five recorded tracks to automix"), demos.getItems().stream().map(MenuItem::getText).toList());
        robot.interact(() -> demos.getItems().get(2).fire());
        assertEquals(Path.of("assets", Assets.DEMO_STEMS), actions.opened);
    }

    private static Menu findMenu(List<Menu> menus, String id) {
        return menus.stream().flatMap(MainWindowGuiTest::withSubmenus).filter(m -> id.equals(m.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu " + id));
    }

    private static Stream<Menu> withSubmenus(Menu menu) {
        return Stream.concat(Stream.of(menu), menu.getItems().stream()
                .filter(Menu.class::isInstance).map(Menu.class::cast).flatMap(MainWindowGuiTest::withSubmenus));
    }

    @Test
    void writesTheStudioScreenshot(FxRobot robot) throws Exception {
        robot.interact(() -> window.trackList().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        Path[] png = new Path[1];
        robot.interact(() -> png[0] = Screenshots.write(scene, "studio"));
        assertTrue(Files.size(png[0].toAbsolutePath()) > 10_000, "screenshot written");
    }

    private static final class NoFileActions implements StudioActions {
        @Override public void newProject() { }
        @Override public void open() { }
        private Path opened;

        @Override public void openKnownFile(Path file) {
            opened = file;
        }
        @Override public void save() { }
        @Override public void saveAs() { }
        @Override public void importMidi() { }
        @Override public void importAudio() { }
        @Override public void exportMidi() { }
        @Override public void exportAudio() { }
        @Override public void dropFiles(List<Path> files) { }
        @Override public void setDarkTheme(boolean dark) { }
        @Override public void preferences() { }
        @Override public void welcome() { }
        @Override public void copyDiagnostics() { }
        @Override public void about() { }
        @Override public void quit() { }
    }
}
