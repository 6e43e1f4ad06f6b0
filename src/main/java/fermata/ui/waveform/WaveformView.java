package fermata.ui.waveform;

import fermata.core.model.AudioTrack;
import fermata.core.model.Marker;
import fermata.ui.common.CanvasPane;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The waveform of one audio track on a {@link Canvas}: the time ruler on top, then one lane per
 * channel. Only the tiles that cover the viewport are asked for (the view-model computes or reuses
 * them); far out each pixel column is a min-max bar with the RMS inside it, close in the samples
 * are joined by lines, and from a few pixels per sample each sample is a dot. Markers and regions,
 * the selection and the cursor are drawn over it. Mouse and keys become view-model calls.
 */
public final class WaveformView extends CanvasPane {
    public static final double RULER_HEIGHT = 22;

    private static final Color BACKGROUND = Color.web("#0d1117");
    private static final Color LANE_LINE = Color.web("#21262d");
    private static final Color CENTRE_LINE = Color.web("#30363d");
    private static final Color BEAT = Color.web("#d29922", 0.35);
    private static final Color PEAK = Color.web("#3fb950");
    private static final Color RMS = Color.web("#7ee787");
    private static final Color SAMPLE = Color.web("#7ee787");
    private static final Color RULER = Color.web("#161b22");
    private static final Color TEXT = Color.web("#c9d1d9");
    private static final Color TICK = Color.web("#8b949e");
    private static final Color SELECTION = Color.web("#58a6ff", 0.22);
    private static final Color CURSOR = Color.web("#58a6ff");
    private static final Color MARKER = Color.web("#d29922");
    private static final Color REGION = Color.web("#d29922", 0.12);
    private static final Color PENDING = Color.web("#8b949e");
    private static final Font LABEL = Font.font(11);
    /** From this many pixels per sample, each sample also gets a dot. */
    private static final double DOT_PIXELS = 6;

    private final WaveformViewModel model;

    public WaveformView(WaveformViewModel model) {
        super("waveform", 200, 100);
        this.model = model;
        canvas.setFocusTraversable(true);
        model.changesProperty().addListener((o, a, b) -> requestRedraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            model.pointerPressed(e.getX());
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> model.pointerDragged(e.getX()));
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    @Override
    protected void resized(double width, double height) {
        model.setSize(width, Math.max(1, (height - RULER_HEIGHT) / model.channels()));
    }

    private void scrolled(ScrollEvent e) {
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (e.isControlDown() || e.isShortcutDown()) {
            model.zoom(delta > 0 ? 1.25 : 0.8, e.getX());
        } else if (e.isAltDown()) {
            model.setVerticalZoom(model.verticalZoom() * (delta > 0 ? 1.25 : 0.8));
        } else {
            model.scroll(-delta);
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        boolean shortcut = e.isShortcutDown();
        KeyCode code = e.getCode();
        if (shortcut && code == KeyCode.X) {
            model.cut();
        } else if (shortcut && code == KeyCode.C) {
            model.copy();
        } else if (shortcut && code == KeyCode.V) {
            model.paste();
        } else if (shortcut && code == KeyCode.A) {
            model.selectAll();
        } else if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
            model.delete();
        } else if (code == KeyCode.S && !shortcut) {
            model.split();
        } else if (code == KeyCode.PLUS || code == KeyCode.EQUALS) {
            model.zoom(2, model.width() / 2);
        } else if (code == KeyCode.MINUS) {
            model.zoom(0.5, model.width() / 2);
        } else if (code == KeyCode.LEFT) {
            model.scroll(-model.width() / 8);
        } else if (code == KeyCode.RIGHT) {
            model.scroll(model.width() / 8);
        } else {
            return;
        }
        e.consume();
    }

    @Override
    protected void paint(GraphicsContext g) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        // A clear of the whole canvas also empties its command buffer, so frames drawn between
        // pulses (a fast zoom) do not pile up in memory.
        g.clearRect(0, 0, w, h);
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (w <= 0 || h <= RULER_HEIGHT) {
            return;
        }
        int lanes = model.channels();
        double laneHeight = (h - RULER_HEIGHT) / lanes;
        AudioTrack track = model.track();
        drawRegions(g, track, h);
        drawBeats(g, h);
        for (int lane = 0; lane < lanes; lane++) {
            double top = RULER_HEIGHT + lane * laneHeight;
            g.setFill(CENTRE_LINE);
            g.fillRect(0, Math.floor(top + laneHeight / 2), w, 1);
            g.setFill(LANE_LINE);
            g.fillRect(0, Math.floor(top + laneHeight) - 1, w, 1);
        }
        if (track != null) {
            if (model.showsSamples()) {
                drawSamples(g, lanes, laneHeight);
            } else {
                drawColumns(g, lanes, laneHeight, w);
            }
        }
        drawSelection(g, h);
        drawRuler(g, w, track);
    }

    private void drawColumns(GraphicsContext g, int lanes, double laneHeight, double w) {
        long firstColumn = model.firstColumn();
        boolean pending = false;
        for (long index : model.visibleTileIndexes()) {
            WaveformViewModel.Tile tile = model.tile(index);
            long tileStart = index * WaveformViewModel.TILE_COLUMNS;
            if (tile == null) {
                pending = true;
                continue;
            }
            int from = (int) Math.max(0, firstColumn - tileStart);
            int to = (int) Math.min(WaveformViewModel.TILE_COLUMNS, firstColumn + (long) w - tileStart);
            for (int lane = 0; lane < lanes && lane < tile.min().length; lane++) {
                double centre = RULER_HEIGHT + lane * laneHeight + laneHeight / 2;
                double half = laneHeight / 2 - 2;
                float[] min = tile.min()[lane];
                float[] max = tile.max()[lane];
                float[] rms = tile.rms()[lane];
                for (int col = from; col < to; col++) {
                    if (!tile.covered()[col]) {
                        continue;
                    }
                    double x = tileStart + col - firstColumn;
                    double top = centre - model.amplitudeToLane(max[col]) * half;
                    double bottom = centre - model.amplitudeToLane(min[col]) * half;
                    g.setFill(PEAK);
                    g.fillRect(x, top, 1, Math.max(1, bottom - top));
                    double r = model.amplitudeToLane(rms[col]) * half;
                    if (r > 0.5) {
                        g.setFill(RMS);
                        g.fillRect(x, Math.max(top, centre - r), 1, Math.min(bottom, centre + r) - Math.max(top, centre - r));
                    }
                }
            }
        }
        if (pending) {
            g.setFill(PENDING);
            g.setFont(LABEL);
            g.fillText("computing peaks...", 8, RULER_HEIGHT + 16);
        }
    }

    private void drawSamples(GraphicsContext g, int lanes, double laneHeight) {
        float[][] samples = model.visibleSamples();
        long first = model.firstSampleFrame();
        int n = samples[0].length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double pixelsPerSample = 1 / model.framesPerPixel();
        for (int lane = 0; lane < lanes && lane < samples.length; lane++) {
            double centre = RULER_HEIGHT + lane * laneHeight + laneHeight / 2;
            double half = laneHeight / 2 - 2;
            for (int i = 0; i < n; i++) {
                xs[i] = model.frameToX(first + i);
                ys[i] = centre - model.amplitudeToLane(samples[lane][i]) * half;
            }
            g.setStroke(SAMPLE);
            g.setLineWidth(1);
            g.strokePolyline(xs, ys, n);
            if (pixelsPerSample >= DOT_PIXELS) {
                g.setFill(SAMPLE);
                for (int i = 0; i < n; i++) {
                    g.fillOval(xs[i] - 2, ys[i] - 2, 4, 4);
                }
            }
        }
    }

    private void drawRegions(GraphicsContext g, AudioTrack track, double h) {
        if (track == null) {
            return;
        }
        for (Marker m : track.markers()) {
            if (m.isRegion()) {
                double x0 = model.frameToX(m.frame());
                double x1 = model.frameToX(m.endFrame());
                if (x1 >= 0 && x0 <= model.width()) {
                    g.setFill(REGION);
                    g.fillRect(x0, RULER_HEIGHT, x1 - x0, h - RULER_HEIGHT);
                }
            }
        }
    }

    /** The analysis panel's beat grid: a faint line per beat, where beats are at least 4 px apart. */
    private void drawBeats(GraphicsContext g, double h) {
        long[] beats = model.beatFrames();
        if (beats.length < 2 || model.frameToX(beats[1]) - model.frameToX(beats[0]) < 4) {
            return;
        }
        g.setFill(BEAT);
        for (long beat : beats) {
            double x = model.frameToX(beat);
            if (x >= 0 && x <= model.width()) {
                g.fillRect(Math.floor(x), RULER_HEIGHT, 1, h - RULER_HEIGHT);
            }
        }
    }

    private void drawSelection(GraphicsContext g, double h) {
        if (model.hasSelection()) {
            double x0 = model.frameToX(model.selectionStart());
            double x1 = model.frameToX(model.selectionEnd());
            g.setFill(SELECTION);
            g.fillRect(x0, RULER_HEIGHT, Math.max(1, x1 - x0), h - RULER_HEIGHT);
        }
        double cursor = model.frameToX(model.cursor());
        g.setFill(CURSOR);
        g.fillRect(Math.floor(cursor), RULER_HEIGHT, 1, h - RULER_HEIGHT);
    }

    private void drawRuler(GraphicsContext g, double w, AudioTrack track) {
        g.setFill(RULER);
        g.fillRect(0, 0, w, RULER_HEIGHT);
        g.setFont(LABEL);
        for (RulerTick t : model.rulerTicks()) {
            g.setFill(TICK);
            double x = Math.floor(t.x());
            g.fillRect(x, t.major() ? 8 : 15, 1, t.major() ? RULER_HEIGHT - 8 : RULER_HEIGHT - 15);
            if (!t.label().isEmpty()) {
                g.setFill(t.major() ? TEXT : TICK);
                g.fillText(t.label(), x + 3, 12);
            }
        }
        if (track == null) {
            return;
        }
        for (Marker m : track.markers()) {
            double x = model.frameToX(m.frame());
            if (x < 0 || x > w) {
                continue;
            }
            g.setFill(MARKER);
            g.fillRect(Math.floor(x), 0, 1, canvas.getHeight());
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {0, 0, 6}, 3);
            if (!m.name().isEmpty()) {
                g.fillText(m.name(), x + 4, RULER_HEIGHT - 3);
            }
        }
    }
}
