package fermata.ui.waveform;

import fermata.core.waveform.Spectrogram;
import fermata.ui.common.CanvasPane;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The spectrogram of the region the waveform view shows, under it and scrolled and zoomed with
 * it: time across, log frequency up, level as colour (dark blue through purple and orange to pale
 * yellow, from the floor to 0 dB), with frequency labels on the left.
 */
public final class SpectrogramView extends CanvasPane {
    private static final Color BACKGROUND = Color.web("#0d1117");
    private static final Color TEXT = Color.web("#c9d1d9", 0.85);
    private static final double[] LABEL_HZ = {50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000};
    private static final int[] PALETTE = palette();

    private final WaveformViewModel model;

    public SpectrogramView(WaveformViewModel model) {
        super("spectrogram", 200, 60);
        this.model = model;
        model.changesProperty().addListener((o, a, b) -> requestRedraw());
    }

    /** A hidden spectrogram is not redrawn on the model's changes. */
    @Override
    protected void requestRedraw() {
        if (isVisible()) {
            super.requestRedraw();
        }
    }

    @Override
    protected void paint(GraphicsContext g) {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        // A clear of the whole canvas also empties its command buffer, so frames drawn between
        // pulses (a fast zoom) do not pile up in memory.
        g.clearRect(0, 0, w, h);
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (w < 2 || h < 2) {
            return;
        }
        Spectrogram.Image image = model.spectrogram(h);
        if (image == null) {
            return;
        }
        int columns = Math.min(w, image.columns());
        int[] pixels = new int[columns * h];
        for (int y = 0; y < h; y++) {
            int row = Math.min(image.rows() - 1, (int) ((double) (h - 1 - y) * image.rows() / h));
            for (int x = 0; x < columns; x++) {
                pixels[y * columns + x] = PALETTE[(int) Math.round(image.level(row, x) * (PALETTE.length - 1))];
            }
        }
        WritableImage out = new WritableImage(columns, h);
        out.getPixelWriter().setPixels(0, 0, columns, h, PixelFormat.getIntArgbInstance(), pixels, 0, columns);
        g.drawImage(out, 0, 0);
        g.setFont(Font.font(10));
        g.setFill(TEXT);
        for (double hz : LABEL_HZ) {
            if (hz < image.minHz() || hz > image.maxHz()) {
                continue;
            }
            double y = h - h * Math.log(hz / image.minHz()) / Math.log(image.maxHz() / image.minHz());
            g.fillRect(0, Math.floor(y), 5, 1);
            g.fillText(hz >= 1000 ? (int) (hz / 1000) + "k" : String.valueOf((int) hz), 7, y + 4);
        }
    }

    /** 256 colours from near-black blue through purple, red and orange to pale yellow. */
    private static int[] palette() {
        Color[] stops = {Color.web("#000004"), Color.web("#2c115f"), Color.web("#721f81"), Color.web("#b73779"),
            Color.web("#f1605d"), Color.web("#feb078"), Color.web("#fcfdbf")};
        int[] out = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * (stops.length - 1);
            int k = Math.min(stops.length - 2, (int) t);
            Color c = stops[k].interpolate(stops[k + 1], t - k);
            out[i] = 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                    | (int) Math.round(c.getBlue() * 255);
        }
        return out;
    }
}
