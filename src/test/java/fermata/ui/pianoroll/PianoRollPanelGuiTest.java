package fermata.ui.pianoroll;

import atlantafx.base.theme.PrimerDark;
import fermata.core.edit.History;
import fermata.core.model.MidiClip;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.project.Assets;
import fermata.core.project.ProjectFiles;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The piano roll panel in a real stage, headless under Monocle, on the demo project: the robot's
 * mouse draws, moves, resizes and deletes (Delete key, right button) notes on the canvas, and each
 * step undoes to the very project before it.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PianoRollPanelGuiTest {
    private History history;
    private PianoRollViewModel roll;
    private PianoRollPanel panel;
    private final List<Integer> sounded = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Project demo = ProjectFiles.read(Path.of("assets", Assets.DEMO_PROJECT)).project();
        history = new History(demo);
        roll = new PianoRollViewModel(history);
        roll.setAuditioner(sounded::add);
        roll.showTrack("flute");
        panel = new PianoRollPanel(roll);
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        stage.setScene(new Scene(panel, 1200, 700));
        stage.show();
    }

    /** Shows bars 1..4 and pitches 60..83, so that a quarter note and a row are easy targets. */
    private void frame(FxRobot robot) {
        robot.interact(() -> {
            roll.showBars(1, 4);
            roll.showPitches(60, 83);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The screen point of an absolute tick and the middle of a pitch's row. */
    private Point2D at(long tick, int pitch) {
        double x = roll.xOf(tick) + PianoRollView.KEYBOARD_WIDTH;
        double y = roll.yOf(pitch) + roll.pixelsPerKey() / 2 + PianoRollView.NOTES_TOP;
        return panel.view().canvas().localToScreen(x, y);
    }

    private List<Note> flute() {
        MidiClip clip = history.current().midiTrack("flute").clip("flute-clip");
        return clip.notes();
    }

    private void undoTo(FxRobot robot, Project before) {
        robot.interact(history::undo);
        assertSame(before, history.current());
    }

    @Test
    void drawMoveResizeAndDeleteWithTheMouseAndUndoEach(FxRobot robot) {
        frame(robot);
        int count = flute().size();

        Project beforeDraw = history.current();
        robot.clickOn("#tool-draw");
        robot.moveTo(at(960 + 100, 62)).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Note drawn = new Note(62, 960, 960, PianoRollViewModel.DEFAULT_VELOCITY, 2);
        assertTrue(flute().contains(drawn), "a quarter note at beat 2 on D4");
        assertEquals(count + 1, flute().size());
        assertTrue(sounded.contains(62), "drawing sounds the note");
        undoTo(robot, beforeDraw);
        robot.interact(history::redo);

        Project beforeMove = history.current();
        robot.clickOn("#tool-select");
        robot.drag(at(960 + 300, 62), MouseButton.PRIMARY).dropTo(at(1920 + 300, 65));
        WaitForAsyncUtils.waitForFxEvents();
        Note moved = new Note(65, 1920, 960, 100, 2);
        assertTrue(flute().contains(moved), flute().toString());
        assertFalse(flute().contains(drawn));
        assertEquals("Move note", history.undoLabel(), "the drag is one step");
        undoTo(robot, beforeMove);
        robot.interact(history::redo);

        Project beforeResize = history.current();
        robot.drag(at(1920 + 960, 65).add(-2, 0), MouseButton.PRIMARY).dropTo(at(1920 + 1920, 65).add(-2, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(flute().contains(moved.withLength(1920)), flute().toString());
        undoTo(robot, beforeResize);
        robot.interact(history::redo);

        Project beforeDelete = history.current();
        robot.clickOn(at(1920 + 200, 65));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(count, flute().size());
        assertFalse(flute().contains(moved.withLength(1920)));
        undoTo(robot, beforeDelete);

        robot.clickOn(at(1920 + 200, 65), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(flute().contains(moved.withLength(1920)), "the right button erases with any tool");
        assertEquals("Erase notes", history.undoLabel());
        undoTo(robot, beforeDelete);
    }

    @Test
    void rubberBandVelocityLaneKeyboardAndRulerWithTheMouse(FxRobot robot) {
        frame(robot);
        Point2D key = panel.view().canvas().localToScreen(10, roll.yOf(69) + roll.pixelsPerKey() / 2 + PianoRollView.NOTES_TOP);
        robot.clickOn(key);
        assertEquals(List.of(69), sounded, "a click on the keyboard sounds its key");
        Point2D barTwo = panel.view().canvas().localToScreen(PianoRollView.KEYBOARD_WIDTH + roll.xOf(3840), 12);
        Point2D barFour = panel.view().canvas().localToScreen(PianoRollView.KEYBOARD_WIDTH + roll.xOf(11520), 12);
        robot.drag(barTwo, MouseButton.PRIMARY).dropTo(barFour);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new LoopRegion(3840, 11520), roll.loopRegionProperty().get(), "a drag on the ruler sets the loop");

        robot.clickOn("#tool-select");
        robot.interact(() -> roll.showBars(5, 4));
        WaitForAsyncUtils.waitForFxEvents();
        long barFive = roll.barStart(5);
        robot.drag(at(barFive + 10, 83), MouseButton.PRIMARY).dropTo(at(barFive + 3839, 60));
        WaitForAsyncUtils.waitForFxEvents();
        List<Note> inBar = flute().stream().filter(n -> n.startTick() >= barFive && n.startTick() < barFive + 3840).toList();
        assertFalse(inBar.isEmpty());
        assertEquals(new java.util.HashSet<>(inBar), roll.selection());

        Project before = history.current();
        double laneTop = panel.view().canvas().getHeight() - PianoRollView.VELOCITY_LANE_HEIGHT;
        Point2D left = panel.view().canvas().localToScreen(PianoRollView.KEYBOARD_WIDTH + 1, laneTop + 2);
        Point2D right = panel.view().canvas().localToScreen(PianoRollView.KEYBOARD_WIDTH + roll.width() - 1, laneTop + 2);
        robot.drag(left, MouseButton.PRIMARY).dropTo(right);
        WaitForAsyncUtils.waitForFxEvents();
        for (Note n : flute()) {
            boolean wasSelected = inBar.stream().anyMatch(s -> s.startTick() == n.startTick() && s.pitch() == n.pitch());
            if (wasSelected) {
                assertTrue(n.velocity() >= 120, "a stroke along the top sets the selected notes loud: " + n);
            }
        }
        assertEquals("Draw velocity", history.undoLabel());
        undoTo(robot, before);
    }
}
