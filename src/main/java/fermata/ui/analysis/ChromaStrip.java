package fermata.ui.analysis;

import fermata.core.analysis.AnalysisReport;
import fermata.core.analysis.tonal.KeySegment;
import fermata.core.analysis.tonal.PitchClass;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/** Pitch-class energy over time (C at the bottom), with the detected key over each stretch above it. */
final class ChromaStrip extends Plot {
    private static final double LANE = 16;
    private AnalysisReport report;
    private List<KeySegment> keys = List.of();

    ChromaStrip() {
        super(142);
        setId("analysis-chroma-strip");
    }

    void show(AnalysisReport r, List<KeySegment> keySegments) {
        report = r;
        keys = keySegments;
        redraw();
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        if (report == null || report.timelines().chroma().length == 0) {
            empty(g, w, h, "Key and chroma");
            return;
        }
        double left = LoudnessPlot.LEFT;
        double width = w - left - LoudnessPlot.RIGHT;
        double top = LANE + 2;
        double rowHeight = (h - top - 2) / 12;
        double[][] chroma = report.timelines().chroma();
        double step = report.timelines().chromaStepSeconds();
        double duration = report.durationSeconds();
        int columns = (int) Math.ceil(width);
        for (int x = 0; x < columns; x++) {
            int from = (int) Math.floor(x / width * duration / step);
            int to = Math.max(from + 1, (int) Math.floor((x + 1) / width * duration / step));
            for (int pc = 0; pc < 12; pc++) {
                double sum = 0;
                int n = 0;
                for (int f = from; f < Math.min(to, chroma.length); f++) {
                    sum += chroma[f][pc];
                    n++;
                }
                if (n > 0 && sum > 0) {
                    g.setFill(heat(sum / n));
                    g.fillRect(left + x, top + (11 - pc) * rowHeight, 1.2, rowHeight - 0.5);
                }
            }
        }
        for (int pc = 0; pc < 12; pc++) {
            label(g, PitchClass.name(pc), left - 4, top + (11.5 - pc) * rowHeight, TextAlignment.RIGHT, AXIS_TEXT);
        }
        for (KeySegment k : keys) {
            double x0 = left + width * k.startSeconds() / duration;
            double x1 = left + width * Math.min(duration, k.endSeconds()) / duration;
            g.setFill(Color.web("#30363d"));
            g.fillRoundRect(x0 + 0.5, 1, Math.max(1, x1 - x0 - 1), LANE - 2, 4, 4);
            String text = k.key().label();
            if (x1 - x0 > text.length() * 5.6 + 6) {
                label(g, text, x0 + 5, LANE / 2, TextAlignment.LEFT, TEXT);
            }
        }
    }

    /** 0 dark blue, 0.5 teal, 1 warm yellow: readable on the dark background, monotone in brightness. */
    static Color heat(double v) {
        double t = Math.max(0, Math.min(1, v));
        Color low = Color.web("#10243e");
        Color mid = Color.web("#1f8a9e");
        Color high = Color.web("#f2d15c");
        return t < 0.5 ? low.interpolate(mid, t * 2) : mid.interpolate(high, (t - 0.5) * 2);
    }
}
