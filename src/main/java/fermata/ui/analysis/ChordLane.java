package fermata.ui.analysis;

import fermata.core.analysis.tonal.ChordRecognizer;
import fermata.core.analysis.tonal.ChordSegment;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/** The chord timeline as labelled blocks on the same time axis as the plots above it. */
final class ChordLane extends Plot {
    private List<ChordSegment> chords = List.of();
    private double start;
    private double duration;

    ChordLane() {
        super(26);
        setId("analysis-chord-lane");
    }

    /** @param from the timeline second where the analysed audio starts (chords are in project seconds) */
    void show(List<ChordSegment> segments, double from, double seconds) {
        chords = segments;
        start = from;
        duration = seconds;
        redraw();
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        if (chords.isEmpty() || duration <= 0) {
            empty(g, w, h, "Chords");
            return;
        }
        double left = LoudnessPlot.LEFT;
        double width = w - left - LoudnessPlot.RIGHT;
        label(g, "Chord", left - 4, h / 2, TextAlignment.RIGHT, AXIS_TEXT);
        int i = 0;
        for (ChordSegment c : chords) {
            if (c.label().equals(ChordRecognizer.NO_CHORD)) {
                continue;
            }
            double x0 = left + width * Math.max(0, c.startSeconds() - start) / duration;
            double x1 = left + width * Math.min(duration, c.endSeconds() - start) / duration;
            g.setFill(i++ % 2 == 0 ? Color.web("#1f3a5f") : Color.web("#274b75"));
            g.fillRoundRect(x0 + 0.5, 3, Math.max(1, x1 - x0 - 1), h - 6, 4, 4);
            if (x1 - x0 > c.label().length() * 6 + 4) {
                label(g, c.label(), (x0 + x1) / 2, h / 2, TextAlignment.CENTER, TEXT);
            }
        }
    }
}
