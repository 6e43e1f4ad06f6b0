package fermata.ui.analysis;

import fermata.core.analysis.spectrum.Band;
import fermata.core.analysis.spectrum.SpectrumReport;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** Long-term third-octave spectrum on a logarithmic frequency axis, levels relative to the loudest band. */
final class SpectrumPlot extends Plot {
    private static final double MIN_HZ = 20;
    private static final double MAX_HZ = 20_000;
    private static final double RANGE_DB = 60;
    private static final double[] TICKS = {50, 100, 200, 500, 1000, 2000, 5000, 10_000};
    private SpectrumReport spectrum;

    SpectrumPlot() {
        super(130);
        setId("analysis-spectrum-plot");
    }

    void show(SpectrumReport s) {
        spectrum = s;
        redraw();
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        if (spectrum == null || spectrum.thirdOctaves().isEmpty()) {
            empty(g, w, h, "Spectrum");
            return;
        }
        double left = LoudnessPlot.LEFT;
        double width = w - left - LoudnessPlot.RIGHT;
        double top = 16;
        double bottom = h - 16;
        double loudest = Double.NEGATIVE_INFINITY;
        for (Band b : spectrum.thirdOctaves()) {
            loudest = Math.max(loudest, b.levelDb());
        }
        g.setLineWidth(1);
        for (double db = 0; db >= -RANGE_DB; db -= 12) {
            double y = top + (-db) / RANGE_DB * (bottom - top);
            g.setStroke(GRID);
            g.strokeLine(left, y, w - LoudnessPlot.RIGHT, y);
            label(g, String.format("%.0f", db), left - 4, y, TextAlignment.RIGHT, AXIS_TEXT);
        }
        for (double hz : TICKS) {
            double x = x(hz, left, width);
            g.setStroke(GRID);
            g.strokeLine(x, top, x, bottom);
            label(g, hz >= 1000 ? (int) (hz / 1000) + "k" : String.valueOf((int) hz), x, h - 7, TextAlignment.CENTER,
                    AXIS_TEXT);
        }
        g.setFill(BLUE.deriveColor(0, 1, 1, 0.85));
        for (Band b : spectrum.thirdOctaves()) {
            double rel = Math.max(-RANGE_DB, b.levelDb() - loudest);
            if (!Double.isFinite(rel)) {
                continue;
            }
            double x0 = x(b.lowHz(), left, width);
            double x1 = x(b.highHz(), left, width);
            double y = top + (-rel) / RANGE_DB * (bottom - top);
            g.fillRect(x0 + 0.5, y, Math.max(1, x1 - x0 - 1), bottom - y);
        }
        double centroid = spectrum.centroidHz();
        if (Double.isFinite(centroid) && centroid > MIN_HZ) {
            double x = x(centroid, left, width);
            g.setStroke(ORANGE);
            g.setLineDashes(3, 3);
            g.strokeLine(x, top, x, bottom);
            g.setLineDashes();
        }
        label(g, String.format("centroid %s Hz, roll-off %s Hz, flatness %.2f", hz(centroid), hz(spectrum.rolloffHz()),
                spectrum.flatness()), left + 4, 8, TextAlignment.LEFT, AXIS_TEXT);
        label(g, "dB", w - LoudnessPlot.RIGHT, 8, TextAlignment.RIGHT, AXIS_TEXT);
    }

    private static String hz(double hz) {
        return hz >= 1000 ? String.format("%.1fk", hz / 1000) : String.format("%.0f", hz);
    }

    private static double x(double hz, double left, double width) {
        double clamped = Math.max(MIN_HZ, Math.min(MAX_HZ, hz));
        return left + width * Math.log(clamped / MIN_HZ) / Math.log(MAX_HZ / MIN_HZ);
    }
}
