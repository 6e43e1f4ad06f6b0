package fermata.core.waveform;

import fermata.core.analysis.Stft;
import fermata.core.engine.AudioTrackReader;

/**
 * A spectrogram of a range of a track for the view: one column per pixel, each a Hann-windowed
 * STFT frame (the analysis package's {@link Stft}) centred on the column's time, its magnitudes
 * mapped onto rows spaced evenly in log frequency. A row that spans several FFT bins takes their
 * largest magnitude (a narrow peak never disappears between rows); a row narrower than a bin
 * interpolates between the two nearest bins. Values are dB relative to a full-scale sine.
 */
public final class Spectrogram {
    /**
     * @param windowSize FFT size, a power of two from 64 to 4096: longer resolves frequency, shorter time
     * @param rows how many log-frequency rows
     * @param minHz the lowest frequency shown (the highest is Nyquist)
     * @param floorDb values below this are clipped to it
     */
    public record Settings(int windowSize, int rows, double minHz, double floorDb) {
        public Settings {
            if (Integer.bitCount(windowSize) != 1 || windowSize < 64 || windowSize > 4096) {
                throw new IllegalArgumentException("window size must be a power of two from 64 to 4096, was "
                        + windowSize);
            }
            if (rows < 2 || !(minHz > 0) || !(floorDb < 0)) {
                throw new IllegalArgumentException("a spectrogram needs 2 or more rows, a lowest frequency above 0"
                        + " and a floor below 0 dB");
            }
        }

        public static Settings defaults() {
            return new Settings(2048, 256, 30, -120);
        }
    }

    /**
     * The result: {@code db[row][column]}, row 0 the lowest frequency.
     */
    public record Image(float[][] db, double minHz, double maxHz, double floorDb) {
        public int rows() {
            return db.length;
        }

        public int columns() {
            return db.length == 0 ? 0 : db[0].length;
        }

        /** Centre frequency of a row. */
        public double rowHz(int row) {
            return minHz * Math.pow(maxHz / minHz, (row + 0.5) / rows());
        }

        /** A value as 0..1 from the floor to 0 dB, for a colour map. */
        public double level(int row, int column) {
            return Math.max(0, Math.min(1, 1 - db[row][column] / floorDb));
        }
    }

    private Spectrogram() {
    }

    /** The spectrogram of frames {@code [from, to)} in {@code columns} columns (a mono mix of the channels). */
    public static Image compute(AudioTrackReader reader, long from, long to, int columns, Settings settings) {
        if (to <= from || columns < 1) {
            throw new IllegalArgumentException("a spectrogram needs a non-empty range and at least one column");
        }
        int size = settings.windowSize();
        Stft stft = new Stft(size);
        int channels = reader.channels();
        float[][] frame = new float[channels][size];
        float[] mono = new float[size];
        float[] magnitudes = new float[stft.bins()];
        double maxHz = reader.sampleRate() / 2.0;
        double minHz = Math.min(settings.minHz(), maxHz / 2);
        int rows = settings.rows();
        double binHz = (double) reader.sampleRate() / size;
        int[] firstBin = new int[rows];
        int[] lastBin = new int[rows];
        double[] centreBin = new double[rows];
        for (int r = 0; r < rows; r++) {
            double lo = minHz * Math.pow(maxHz / minHz, (double) r / rows);
            double hi = minHz * Math.pow(maxHz / minHz, (double) (r + 1) / rows);
            firstBin[r] = (int) Math.ceil(lo / binHz);
            lastBin[r] = Math.min(stft.bins() - 1, (int) Math.ceil(hi / binHz) - 1);
            centreBin[r] = Math.sqrt(lo * hi) / binHz;
        }
        float[][] db = new float[rows][columns];
        double span = (double) (to - from) / columns;
        for (int c = 0; c < columns; c++) {
            long centre = from + (long) ((c + 0.5) * span);
            reader.read(centre - size / 2, frame, 0, size);
            for (int i = 0; i < size; i++) {
                float sum = 0;
                for (int ch = 0; ch < channels; ch++) {
                    sum += frame[ch][i];
                }
                mono[i] = sum / channels;
            }
            stft.magnitudes(mono, 0, magnitudes);
            for (int r = 0; r < rows; r++) {
                double m;
                if (lastBin[r] >= firstBin[r]) {
                    m = 0;
                    for (int k = firstBin[r]; k <= lastBin[r]; k++) {
                        m = Math.max(m, magnitudes[k]);
                    }
                } else {
                    int k = Math.min(stft.bins() - 2, (int) Math.floor(centreBin[r]));
                    double t = centreBin[r] - k;
                    m = magnitudes[k] * (1 - t) + magnitudes[k + 1] * t;
                }
                db[r][c] = (float) Math.max(settings.floorDb(), 20 * Math.log10(Math.max(m, 1e-30)));
            }
        }
        return new Image(db, minHz, maxHz, settings.floorDb());
    }
}
