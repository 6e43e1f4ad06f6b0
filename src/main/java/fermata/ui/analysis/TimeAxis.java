package fermata.ui.analysis;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** Minute:second labels under a time axis, at a step that leaves room for each label. */
final class TimeAxis {
    private static final double[] STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600};
    private static final double MIN_LABEL_SPACING = 44;

    private TimeAxis() {
    }

    static void draw(GraphicsContext g, double left, double width, double y, double duration) {
        if (duration <= 0) {
            return;
        }
        double step = STEPS[STEPS.length - 1];
        for (double s : STEPS) {
            if (width * s / duration >= MIN_LABEL_SPACING) {
                step = s;
                break;
            }
        }
        for (double t = 0; t <= duration + 1e-9; t += step) {
            double x = left + width * t / duration;
            TextAlignment align = t == 0 ? TextAlignment.LEFT : TextAlignment.CENTER;
            if (x + 12 <= left + width || t == 0) {
                Plot.label(g, String.format("%d:%02d", (int) t / 60, (int) t % 60), x, y, align, Plot.AXIS_TEXT);
            }
        }
    }
}
