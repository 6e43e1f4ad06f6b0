package fermata.ui.waveform;

import fermata.core.edit.History;
import fermata.core.media.WavWriter;
import fermata.core.model.Project;
import fermata.core.task.TaskExecutor;
import fermata.core.waveform.WaveformSources;
import fermata.testsupport.Screenshots;
import fermata.ui.shell.StudioApp;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The waveform panel headless under Monocle on a generated phrase (plucked notes and a noise
 * burst): a drag selects, the tool bar's Delete shortens the track by the selection, and the
 * panel and its spectrogram are written to docs/screenshots/.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WaveformPanelGuiTest {
    private static final int RATE = 44_100;

    private History history;
    private WaveformViewModel model;
    private WaveformPanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("fermata-waveform-gui");
        Path file = dir.resolve("phrase.wav");
        writePhrase(file, 6 * RATE);
        history = new History(Project.empty("demo").withSampleRate(RATE));
        model = new WaveformViewModel(history, TaskExecutor.sameThread(),
                new WaveformSources(dir.resolve("peaks"), dir.resolve("cache")), Runnable::run);
        model.importFiles(List.of(file));
        panel = new WaveformPanel(model);
        scene = new Scene(panel, 1200, 640);
        StudioApp.applyTheme();
        stage.setScene(scene);
        stage.show();
    }

    /** Plucked harmonic notes of a C major arpeggio, left and right slightly different, then a noise burst. */
    private static void writePhrase(Path file, int frames) throws Exception {
        float[][] data = new float[2][frames];
        double[] notes = {261.63, 329.63, 392.0, 523.25, 392.0, 329.63, 261.63, 196.0};
        int noteFrames = RATE / 2;
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < notes.length; n++) {
            for (int i = 0; i < noteFrames; i++) {
                int f = n * noteFrames + i;
                double env = Math.exp(-3.0 * i / noteFrames) * Math.min(1, i / 200.0);
                double s = 0;
                for (int h = 1; h <= 6; h++) {
                    s += Math.sin(2 * Math.PI * notes[n] * h * i / RATE) / (h * h);
                }
                data[0][f] = (float) (0.6 * env * s);
                data[1][f] = (float) (0.45 * env * s + 0.02 * random.nextGaussian() * env);
            }
        }
        for (int f = 4 * RATE + RATE / 2; f < frames; f++) {
            double env = Math.exp(-4.0 * (f - 4.5 * RATE) / RATE);
            data[0][f] = (float) (0.4 * env * random.nextGaussian() / 3);
            data[1][f] = (float) (0.4 * env * random.nextGaussian() / 3);
        }
        try (WavWriter w = WavWriter.create(file, RATE, 2, WavWriter.Encoding.FLOAT_32)) {
            w.write(data, 0, frames);
            w.commit();
        }
    }

    @Test
    void dragSelectsDeleteShortensAndScreenshotsAreWritten(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6 * RATE, model.trackEndFrame());
        var canvas = panel.view().canvas();
        double y = canvas.localToScreen(0, WaveformView.RULER_HEIGHT + 40).getY();
        double x0 = canvas.localToScreen(200, 0).getX();
        double x1 = canvas.localToScreen(300, 0).getX();
        robot.moveTo(new javafx.geometry.Point2D(x0, y)).press(javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(x1, y)).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.hasSelection(), "the drag selected a range");
        long selected = model.selectionEnd() - model.selectionStart();
        assertEquals(100 * model.framesPerPixel(), selected, 2 * model.framesPerPixel());
        robot.clickOn("#wave-delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6 * RATE - selected, model.trackEndFrame());
        assertEquals("Delete audio", history.undoLabel());

        robot.interact(() -> {
            history.undo();
            model.zoomToFit();
            model.select((long) (2.0 * RATE), (long) (3.0 * RATE));
            model.addMarker("chorus");
            model.select((long) (0.5 * RATE), (long) (1.5 * RATE));
            panel.view().draw();
            panel.spectrogramView().draw();
        });
        Path[] png = new Path[2];
        robot.interact(() -> {
            png[0] = Screenshots.write(scene, "waveform");
            png[1] = Screenshots.write(panel.spectrogramView(), "spectrogram");
        });
        assertTrue(Files.size(png[0]) > 10_000, "waveform screenshot written");
        assertTrue(Files.size(png[1]) > 10_000, "spectrogram screenshot written");
    }
}
