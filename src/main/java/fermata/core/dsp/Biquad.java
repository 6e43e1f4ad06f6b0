package fermata.core.dsp;

/**
 * A second-order IIR section in transposed direct form II with double-precision state, one
 * channel. Coefficient designs follow Robert Bristow-Johnson's Audio EQ Cookbook; the state is
 * double because float state drifts audibly in low shelves at 96 kHz.
 */
public final class Biquad {
    private double b0 = 1;
    private double b1;
    private double b2;
    private double a1;
    private double a2;
    private double z1;
    private double z2;

    /** Sets normalised coefficients (a0 = 1); keeps the state so parameter changes do not click. */
    public void setCoefficients(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    public double process(double x) {
        double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }

    public void reset() {
        z1 = 0;
        z2 = 0;
    }

    public void setPeaking(double sampleRate, double frequency, double q, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * frequency / sampleRate;
        double alpha = Math.sin(w0) / (2 * q);
        double cos = Math.cos(w0);
        double a0 = 1 + alpha / a;
        setCoefficients((1 + alpha * a) / a0, -2 * cos / a0, (1 - alpha * a) / a0, -2 * cos / a0, (1 - alpha / a) / a0);
    }

    public void setLowShelf(double sampleRate, double frequency, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * frequency / sampleRate;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / 2 * Math.sqrt(2);
        double sq = 2 * Math.sqrt(a) * alpha;
        double a0 = (a + 1) + (a - 1) * cos + sq;
        setCoefficients(a * ((a + 1) - (a - 1) * cos + sq) / a0,
                2 * a * ((a - 1) - (a + 1) * cos) / a0,
                a * ((a + 1) - (a - 1) * cos - sq) / a0,
                -2 * ((a - 1) + (a + 1) * cos) / a0,
                ((a + 1) + (a - 1) * cos - sq) / a0);
    }

    public void setHighShelf(double sampleRate, double frequency, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * frequency / sampleRate;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / 2 * Math.sqrt(2);
        double sq = 2 * Math.sqrt(a) * alpha;
        double a0 = (a + 1) - (a - 1) * cos + sq;
        setCoefficients(a * ((a + 1) + (a - 1) * cos + sq) / a0,
                -2 * a * ((a - 1) + (a + 1) * cos) / a0,
                a * ((a + 1) + (a - 1) * cos - sq) / a0,
                2 * ((a - 1) - (a + 1) * cos) / a0,
                ((a + 1) - (a - 1) * cos - sq) / a0);
    }

    public void setHighPass(double sampleRate, double frequency, double q) {
        double w0 = 2 * Math.PI * frequency / sampleRate;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        setCoefficients((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }
}
