package fermata.core.analysis.loudness;

/**
 * The K-weighting of ITU-R BS.1770-4: a high-frequency shelf (about +4 dB above 2 kHz, modelling
 * the head) followed by the "RLB" high-pass (about 38 Hz). The standard tabulates coefficients at
 * 48 kHz only; here both biquads are designed at any sample rate from their analogue prototypes
 * with the bilinear transform, the way libebur128 documents it, so that 44.1, 48 and 96 kHz all
 * meet the EBU Tech 3341 tolerances. Written here because no Java library offers it.
 *
 * <p>State is kept in doubles: at 48 kHz the high-pass pole sits 0.005 from the unit circle, where
 * float state drifts by tenths of a dB on long programmes.
 */
public final class KWeighting {
    /** Centre frequency, gain (dB) and Q of the shelf, fitted by libebur128 to the 48 kHz table. */
    private static final double SHELF_F0 = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    /** Exponent relating the band gain to the high gain of the shelf prototype. */
    private static final double SHELF_BAND_EXPONENT = 0.4996667741545416;
    private static final double HIGHPASS_F0 = 38.13547087602444;
    private static final double HIGHPASS_Q = 0.5003270373238773;

    private final double sb0, sb1, sb2, sa1, sa2;
    private final double hb0, hb1, hb2, ha1, ha2;
    private double s1, s2, h1, h2;

    public KWeighting(int sampleRate) {
        if (sampleRate <= 2 * SHELF_F0) {
            throw new IllegalArgumentException("sample rate too low for K-weighting: " + sampleRate);
        }
        double k = Math.tan(Math.PI * SHELF_F0 / sampleRate);
        double vh = Math.pow(10, SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, SHELF_BAND_EXPONENT);
        double a0 = 1 + k / SHELF_Q + k * k;
        sb0 = (vh + vb * k / SHELF_Q + k * k) / a0;
        sb1 = 2 * (k * k - vh) / a0;
        sb2 = (vh - vb * k / SHELF_Q + k * k) / a0;
        sa1 = 2 * (k * k - 1) / a0;
        sa2 = (1 - k / SHELF_Q + k * k) / a0;

        k = Math.tan(Math.PI * HIGHPASS_F0 / sampleRate);
        a0 = 1 + k / HIGHPASS_Q + k * k;
        hb0 = 1;
        hb1 = -2;
        hb2 = 1;
        ha1 = 2 * (k * k - 1) / a0;
        ha2 = (1 - k / HIGHPASS_Q + k * k) / a0;
    }

    /** Filters one sample through both stages (transposed direct form II). */
    public double process(double x) {
        double y = sb0 * x + s1;
        s1 = sb1 * x - sa1 * y + s2;
        s2 = sb2 * x - sa2 * y;
        double z = hb0 * y + h1;
        h1 = hb1 * y - ha1 * z + h2;
        h2 = hb2 * y - ha2 * z;
        return z;
    }

    /** Sum of squares of the K-weighted block, the quantity BS.1770 averages. */
    public double sumOfSquares(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double z = process(samples[i]);
            sum += z * z;
        }
        return sum;
    }

    /** Magnitude response in dB at a frequency, for tests and documentation. */
    public double gainDb(double frequency, int sampleRate) {
        double w = 2 * Math.PI * frequency / sampleRate;
        return 20 * Math.log10(magnitude(sb0, sb1, sb2, sa1, sa2, w) * magnitude(hb0, hb1, hb2, ha1, ha2, w));
    }

    private static double magnitude(double b0, double b1, double b2, double a1, double a2, double w) {
        double nr = b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w);
        double ni = -b1 * Math.sin(w) - b2 * Math.sin(2 * w);
        double dr = 1 + a1 * Math.cos(w) + a2 * Math.cos(2 * w);
        double di = -a1 * Math.sin(w) - a2 * Math.sin(2 * w);
        return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}
