package fermata.ui.pianoroll;

import fermata.core.edit.History;
import fermata.core.model.Instrument;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Piano roll drawing speed on a clip of 50,000 notes, on the real JavaFX Canvas under Monocle with
 * the software renderer (the pipeline every headless test uses; a desktop's GPU pipeline is faster).
 * Each timed frame is: the view-model work, {@link PianoRollView#draw()} filling the canvas's
 * command buffer, and {@code canvas.snapshot}, which makes Prism execute that buffer into the
 * canvas's texture and read the 1920x1080 result back, so the frame is really rasterised. The
 * snapshot of an unchanged canvas is timed too, to show what the read-back alone costs.
 * The peer is the approach the issue rules out: one Rectangle node per visible note, snapshotted the
 * same way. A {@link PianoRollPanel} listens to the same view-model, so its tool bar, scroll bars
 * and properties panel update within the timed mouse events as they would in the studio. Run with {@code mvn -q test -Pbench -Dtest=PianoRollBench}; figures go to
 * target/bench/pianoroll.md and docs/BENCHMARKS.md.
 */
@Tag("bench")
class PianoRollBench {
    private static final int NOTES = 50_000;
    private static final int SELECTED = 5_000;
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    private static final int WARM_UP = 30;
    private static final int RUNS = 100;

    private final StringBuilder report = new StringBuilder();

    static Project fiftyThousandNotes() {
        Random random = new Random(7);
        List<Note> notes = new ArrayList<>(NOTES);
        long tick = 0;
        for (int i = 0; i < NOTES; i++) {
            tick += random.nextInt(3) == 0 ? 0 : 30 + random.nextInt(60);
            notes.add(new Note(36 + random.nextInt(60), tick, 60 + random.nextInt(900), 1 + random.nextInt(127)));
        }
        MidiTrack track = new MidiTrack("big", "50k notes", Instrument.PIANO, MixerSettings.UNITY,
                List.of(new MidiClip("big-clip", 0, tick + 960, notes)));
        return Project.empty("Bench").withTracks(List.of(track));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    @Test
    void redrawAndDragOnFiftyThousandNotes() throws Exception {
        FxToolkit.registerPrimaryStage();
        History history = new History(fiftyThousandNotes());
        PianoRollViewModel roll = new PianoRollViewModel(history);
        PianoRollView view = fx(() -> {
            new PianoRollPanel(roll);
            PianoRollView v = new PianoRollView(roll);
            new Group(v);
            v.resize(WIDTH, HEIGHT);
            v.layout();
            return v;
        });
        fx(() -> {
            roll.showTrack("big");
            roll.showPitches(36, 95);
            return null;
        });
        line("| case | notes in the visible range | draw() alone, median | frame (draw + snapshot): wall min / median (p90) | frame: process CPU, mean |");
        line("|---|---|---|---|---|");
        double[] readBack = fx(() -> time(() -> { }, view));
        for (int bars : new int[] {8, 32, 128}) {
            fx(() -> {
                roll.showBars(41, bars);
                return null;
            });
            int visible = fx(() -> roll.visibleNotes().size());
            double[] drawOnly = fx(() -> time(view::draw, null));
            double[] frame = fx(() -> time(view::draw, view));
            line(String.format(Locale.ROOT, "| full redraw, %d bars visible (%.1f ticks/pixel) | %,d | %.2f ms | %.2f / %.2f ms (%.2f) | %.2f ms |",
                    bars, roll.ticksPerPixel(), visible, median(wall(drawOnly)), min(wall(frame)), median(wall(frame)),
                    percentile(wall(frame), 0.9), cpu(frame)));
        }
        line(String.format(Locale.ROOT, "| snapshot of an unchanged canvas (read-back alone) | | | %.2f / %.2f ms | %.2f ms |",
                min(wall(readBack)), median(wall(readBack)), cpu(readBack)));

        fx(() -> {
            roll.showBars(41, 32);
            return null;
        });
        int peerNotes = fx(() -> roll.visibleNotes().size());
        double[] peer = fx(() -> nodePerNote(roll));
        line(String.format(Locale.ROOT, "| peer: one Rectangle node per visible note, 32 bars | %,d | | %.2f / %.2f ms (%.2f) | %.2f ms |",
                peerNotes, min(wall(peer)), median(wall(peer)), percentile(wall(peer), 0.9), cpu(peer)));

        dragFiveThousand(roll, view, history);
        Path out = Path.of("target", "bench", "pianoroll.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private void dragFiveThousand(PianoRollViewModel roll, PianoRollView view, History history) throws Exception {
        List<Note> chosen = fx(() -> {
            roll.showBars(41, 32);
            MidiClip clip = roll.clip();
            int first = clip.firstIndexAtOrAfter((long) roll.firstTick());
            for (Note n : clip.notes().subList(first, first + SELECTED)) {
                roll.toggleSelected(n);
            }
            return List.copyOf(roll.selection());
        });
        assertEquals(SELECTED, chosen.size());
        Note grip = chosen.get(0);
        SelectTool tool = new SelectTool();
        double gripX = roll.xOf(roll.clipStart() + grip.startTick()) + 1;
        double gripY = roll.yOf(grip.pitch()) + 2;
        double[] frames = fx(() -> {
            tool.press(roll, Pointer.at(gripX, gripY));
            double[] times = new double[WARM_UP + RUNS];
            long cpuStart = 0;
            for (int i = 0; i < times.length; i++) {
                if (i == WARM_UP) {
                    cpuStart = cpuNanos();
                }
                double dx = (i % 40) * 7;
                double dy = -(i % 10) * 3;
                long start = System.nanoTime();
                tool.drag(roll, Pointer.at(gripX + dx, gripY + dy));
                view.draw();
                view.canvas().snapshot(new SnapshotParameters(), target);
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            double[] result = Arrays.copyOfRange(times, WARM_UP, times.length + 1);
            result[RUNS] = (cpuNanos() - cpuStart) / 1e6 / RUNS;
            return result;
        });
        double[][] releaseAndUndo = fx(() -> {
            tool.drag(roll, Pointer.at(gripX + 240, gripY - 24));
            tool.release(roll, Pointer.at(gripX + 240, gripY - 24));
            history.undo();
            int cycles = 25;
            double[] release = new double[cycles];
            double[] undo = new double[cycles];
            for (int i = 0; i < cycles; i++) {
                chosen.forEach(roll::toggleSelected);
                tool.press(roll, Pointer.at(gripX, gripY));
                tool.drag(roll, Pointer.at(gripX + 240, gripY - 24));
                long start = System.nanoTime();
                tool.release(roll, Pointer.at(gripX + 240, gripY - 24));
                release[i] = (System.nanoTime() - start) / 1e6;
                if (i == cycles - 1) {
                    break;
                }
                start = System.nanoTime();
                history.undo();
                undo[i] = (System.nanoTime() - start) / 1e6;
            }
            return new double[][] {release, Arrays.copyOf(undo, cycles - 1)};
        });
        assertEquals(NOTES, history.current().midiTrack("big").clip("big-clip").notes().size());
        assertEquals("Move notes", history.undoLabel());
        double release = median(releaseAndUndo[0]);
        double undo = median(releaseAndUndo[1]);
        line(String.format(Locale.ROOT, "| drag 5,000 selected notes: preview + redraw + snapshot per mouse event | %,d selected | | %.2f / %.2f ms (%.2f) | %.2f ms |",
                SELECTED, min(wall(frames)), median(wall(frames)), percentile(wall(frames), 0.9), cpu(frames)));
        line(String.format(Locale.ROOT, "| release: the one MoveNotes command on the 50,000-note clip, 25 times | | | %.2f / %.2f ms (undo median %.2f ms) | |",
                min(releaseAndUndo[0]), release, undo));
    }

    private WritableImage target;

    /**
     * Wall time of each frame after the warm-up, and as the last element the process CPU time per
     * frame (all threads: the FX thread drawing, Prism's render thread rasterising, GC), averaged
     * over the timed frames. On a machine shared with other builds the wall time waits for a core
     * while the CPU time does not, so the CPU figure is the steadier one.
     */
    private double[] time(Runnable draw, PianoRollView snapshotOf) {
        if (snapshotOf != null && target == null) {
            target = new WritableImage(WIDTH, HEIGHT);
        }
        double[] times = new double[WARM_UP + RUNS];
        long cpuStart = 0;
        for (int i = 0; i < times.length; i++) {
            if (i == WARM_UP) {
                cpuStart = cpuNanos();
            }
            long start = System.nanoTime();
            draw.run();
            if (snapshotOf != null) {
                snapshotOf.canvas().snapshot(new SnapshotParameters(), target);
            }
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] result = Arrays.copyOfRange(times, WARM_UP, times.length + 1);
        result[RUNS] = (cpuNanos() - cpuStart) / 1e6 / RUNS;
        return result;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The wall times of a {@link #time} result, without its CPU figure. */
    private static double[] wall(double[] timed) {
        return Arrays.copyOf(timed, RUNS);
    }

    private static double cpu(double[] timed) {
        return timed[RUNS];
    }

    /** The ruled-out way: a Rectangle per visible note in a Pane, rebuilt and snapshotted each frame. */
    private double[] nodePerNote(PianoRollViewModel roll) {
        Pane pane = new Pane();
        pane.resize(WIDTH, HEIGHT);
        new Group(pane);
        WritableImage image = new WritableImage(WIDTH, HEIGHT);
        return time(() -> {
            List<Rectangle> rects = new ArrayList<>();
            for (Note n : roll.visibleNotes()) {
                Rectangle r = new Rectangle(roll.xOf(n.startTick()), roll.yOf(n.pitch()),
                        Math.max(1, n.lengthTicks() / roll.ticksPerPixel()), roll.pixelsPerKey());
                r.setFill(Color.gray(n.velocity() / 127.0));
                r.setStroke(Color.BLACK);
                rects.add(r);
            }
            pane.getChildren().setAll(rects);
            pane.snapshot(new SnapshotParameters(), image);
        }, null);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
