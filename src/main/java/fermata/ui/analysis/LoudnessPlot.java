package fermata.ui.analysis;

import fermata.core.analysis.AnalysisReport;
import fermata.core.analysis.Timelines;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Momentary (400 ms) and short-term (3 s) loudness over time, with the integrated level as a dashed line. */
final class LoudnessPlot extends Plot {
    static final double LEFT = 34;
    static final double RIGHT = 8;
    private AnalysisReport report;

    LoudnessPlot() {
        super(150);
        setId("analysis-loudness-plot");
    }

    void show(AnalysisReport r) {
        report = r;
        redraw();
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        if (report == null || report.timelines().momentaryLufs().length == 0) {
            empty(g, w, h, "Loudness over time");
            return;
        }
        Timelines t = report.timelines();
        double top = Math.ceil((finiteMax(t.momentaryLufs()) + 1) / 6) * 6;
        double bottom = Math.max(top - 36, -70);
        double plotTop = 16;
        double plotBottom = h - 16;
        double duration = report.durationSeconds();
        double plotWidth = w - LEFT - RIGHT;
        g.setLineWidth(1);
        for (double db = top; db >= bottom; db -= 6) {
            double y = y(db, top, bottom, plotTop, plotBottom);
            g.setStroke(GRID);
            g.strokeLine(LEFT, y, w - RIGHT, y);
            label(g, String.format("%.0f", db), LEFT - 4, y, TextAlignment.RIGHT, AXIS_TEXT);
        }
        TimeAxis.draw(g, LEFT, plotWidth, h - 7, duration);
        curve(g, t.momentaryLufs(), 0.4, duration, top, bottom, plotTop, plotBottom, plotWidth, BLUE, 1);
        curve(g, t.shortTermLufs(), 3.0, duration, top, bottom, plotTop, plotBottom, plotWidth, ORANGE, 2);
        double integrated = report.loudness().integratedLufs();
        if (Double.isFinite(integrated) && integrated >= bottom) {
            double y = y(integrated, top, bottom, plotTop, plotBottom);
            g.setStroke(GREEN);
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.setLineDashes();
        }
        double x = LEFT + 4;
        x = legend(g, x, 8, BLUE, "Momentary");
        x = legend(g, x, 8, ORANGE, "Short-term");
        legend(g, x, 8, GREEN, "Integrated");
        label(g, "LUFS", w - RIGHT, 8, TextAlignment.RIGHT, AXIS_TEXT);
    }

    private static double legend(GraphicsContext g, double x, double y, Color colour, String text) {
        g.setFill(colour);
        g.fillRect(x, y - 1.5, 10, 3);
        label(g, text, x + 14, y, TextAlignment.LEFT, AXIS_TEXT);
        Text measure = new Text(text);
        measure.setFont(SMALL);
        return x + 24 + measure.getLayoutBounds().getWidth();
    }

    private static void curve(GraphicsContext g, double[] lufs, double firstTime, double duration, double top,
                              double bottom, double plotTop, double plotBottom, double plotWidth, Color colour,
                              double width) {
        g.setStroke(colour);
        g.setLineWidth(width);
        g.beginPath();
        boolean drawing = false;
        for (int i = 0; i < lufs.length; i++) {
            double seconds = firstTime + i * Timelines.LOUDNESS_STEP_SECONDS;
            double x = LEFT + plotWidth * Math.min(1, seconds / duration);
            if (!Double.isFinite(lufs[i]) || lufs[i] < bottom) {
                drawing = false;
                continue;
            }
            double y = y(Math.min(top, lufs[i]), top, bottom, plotTop, plotBottom);
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
    }

    private static double y(double db, double top, double bottom, double plotTop, double plotBottom) {
        return plotTop + (top - db) / (top - bottom) * (plotBottom - plotTop);
    }

    private static double finiteMax(double[] values) {
        double max = -70;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
