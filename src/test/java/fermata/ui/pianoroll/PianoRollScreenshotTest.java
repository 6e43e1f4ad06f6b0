package fermata.ui.pianoroll;

import atlantafx.base.theme.PrimerDark;
import fermata.core.edit.History;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.project.Assets;
import fermata.core.project.ProjectFiles;
import fermata.testsupport.Screenshots;
import javafx.application.Application;
import javafx.scene.Scene;
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
 * Writes docs/screenshots/pianoroll.png: the piano track of the demo project in the dark theme, with
 * the bass and flute as ghost notes, a selected chord, the loop region, the playhead, the detected
 * key's scale and chords highlighted on the rows, and the velocity lane.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PianoRollScreenshotTest {
    private PianoRollViewModel roll;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Project demo = ProjectFiles.read(Path.of("assets", Assets.DEMO_PROJECT)).project();
        roll = new PianoRollViewModel(new History(demo));
        roll.showTrack("piano");
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        scene = new Scene(new PianoRollPanel(roll), 1280, 760);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void writesThePianoRollScreenshot(FxRobot robot) throws Exception {
        robot.interact(() -> {
            roll.toolProperty().set(new SelectTool());
            roll.detectKeyAndChords();
            roll.showBars(1, 12);
            roll.showPitches(28, 90);
            long barThree = roll.barStart(3);
            long barFour = roll.barStart(4);
            for (Note n : roll.clip().notes()) {
                if (n.startTick() >= barThree && n.startTick() < barFour) {
                    roll.toggleSelected(n);
                }
            }
            roll.setCursorTick(barThree);
            roll.loopRegionProperty().set(new LoopRegion(roll.barStart(5), roll.barStart(9)));
            roll.setPlayheadTick(roll.barStart(7) + 960);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(roll.visibleGhostNotes().isEmpty(), "bass and flute show as ghosts");
        assertTrue(roll.selection().size() >= 3, "a chord is selected");
        assertFalse(roll.visibleChords().isEmpty(), "the chord strip shows the detected chords");
        assertEquals(0, roll.firstTick(), 1e-9, "the playhead is in view, so the view did not follow it");
        Path[] png = new Path[1];
        robot.interact(() -> png[0] = Screenshots.write(scene, "pianoroll"));
        assertTrue(Files.size(png[0]) > 10_000, "screenshot written");
    }
}
