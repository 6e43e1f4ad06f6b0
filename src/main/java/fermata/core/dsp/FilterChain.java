package fermata.core.dsp;

/**
 * Biquad sections in series, the same on every channel: the parametric EQ and high-pass inserts.
 * Sections are designed in {@link #prepare} from a designer callback because their coefficients
 * depend on the sample rate.
 */
public final class FilterChain implements AudioProcessor {
    /** Sets the coefficients of section {@code index} for a sample rate. */
    public interface Designer {
        void design(int index, Biquad section, double sampleRate);
    }

    private final int sections;
    private final Designer designer;
    private Biquad[][] filters;

    public FilterChain(int sections, Designer designer) {
        this.sections = sections;
        this.designer = designer;
    }

    /**
     * Low shelf, one peaking band and a high shelf. A band set to 0 dB is left out rather than run
     * as a section that only adds rounding: automix uses this insert as a single peaking band.
     */
    public static FilterChain threeBandEq(double lowHz, double lowDb, double midHz, double midQ, double midDb,
                                          double highHz, double highDb) {
        java.util.List<Designer> bands = new java.util.ArrayList<>();
        if (lowDb != 0) {
            bands.add((index, section, rate) -> section.setLowShelf(rate, lowHz, lowDb));
        }
        if (midDb != 0) {
            bands.add((index, section, rate) -> section.setPeaking(rate, midHz, midQ, midDb));
        }
        if (highDb != 0) {
            bands.add((index, section, rate) -> section.setHighShelf(rate, highHz, highDb));
        }
        return new FilterChain(bands.size(), (index, section, rate) -> bands.get(index).design(index, section, rate));
    }

    /** A 12 dB/octave Butterworth high-pass. */
    public static FilterChain highPass(double frequencyHz) {
        return new FilterChain(1, (index, section, rate) -> section.setHighPass(rate, frequencyHz, Math.sqrt(0.5)));
    }

    @Override
    public void prepare(int sampleRate, int maxBlockFrames, int channels) {
        filters = new Biquad[channels][sections];
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < sections; s++) {
                filters[c][s] = new Biquad();
                designer.design(s, filters[c][s], sampleRate);
            }
        }
    }

    @Override
    public void process(float[][] buffer, int frames) {
        for (int c = 0; c < filters.length; c++) {
            float[] channel = buffer[c];
            Biquad[] chain = filters[c];
            for (int i = 0; i < frames; i++) {
                double x = channel[i];
                for (Biquad b : chain) {
                    x = b.process(x);
                }
                channel[i] = (float) x;
            }
        }
    }

    @Override
    public void reset() {
        for (Biquad[] chain : filters) {
            for (Biquad b : chain) {
                b.reset();
            }
        }
    }
}
