package fermata.core.analysis.pitch;

import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import fermata.core.analysis.tonal.PitchClass;

import java.util.ArrayList;
import java.util.List;

/**
 * Pitch contour with TarsosDSP's FastYin: YIN (de Cheveigné and Kawahara 2002) with its
 * difference function computed by FFT. Chosen over TarsosDSP's McLeod (MPM) detector because
 * MPM there computes its normalised square difference directly, O(N^2) per frame, about 20 times
 * the cost at the 2048-sample window a 50 Hz floor needs, while the two are equally accurate on
 * clean monophonic tones; YIN's aperiodicity also gives the voicing measure used below.
 *
 * <p>Polyphonic audio is not given a pitch. A frame counts as voiced when YIN is confident and
 * the detected fundamental is actually present in the spectrum (at least 5 % of the frame's
 * power): a chord of harmonic tones is periodic at the common "missing" fundamental two octaves
 * below its root, which YIN happily reports, but no energy sits there. The material is
 * monophonic when most sounding frames are voiced. The decision is made on every 8th frame first,
 * so polyphonic music pays an eighth of the cost.
 */
public final class PitchTracker {
    public static final int WINDOW = 2048;
    public static final int HOP = 512;
    private static final double MIN_PROBABILITY = 0.8;
    private static final double MIN_FUNDAMENTAL_SHARE = 0.05;
    private static final double MIN_VOICED_FRACTION = 0.6;
    private static final int SCREEN_STRIDE = 8;
    /** Frames 40 dB below the loudest, or below -60 dBFS RMS, are not sounding. */
    private static final double SOUNDING_RATIO = 1e-4;
    private static final double SOUNDING_FLOOR = 1e-6;

    private final int sampleRate;
    private final FastYin yin;
    private final float[] frame = new float[WINDOW];
    private final double[] window = new double[WINDOW];
    private final double windowSum;
    private final double windowPower;

    public PitchTracker(int sampleRate) {
        this.sampleRate = sampleRate;
        yin = new FastYin(sampleRate, WINDOW);
        double sum = 0;
        double power = 0;
        for (int i = 0; i < WINDOW; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / WINDOW);
            sum += window[i];
            power += window[i] * window[i];
        }
        windowSum = sum;
        windowPower = power;
    }

    /** The pitch report of a mono signal; the contour is empty when it is not monophonic. */
    public PitchReport analyze(float[] mono) {
        int frames = mono.length < WINDOW ? 0 : 1 + (mono.length - WINDOW) / HOP;
        double[] power = new double[frames];
        double maxPower = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = 0; i < WINDOW; i++) {
                float x = mono[f * HOP + i];
                sum += x * x;
            }
            power[f] = sum / WINDOW;
            maxPower = Math.max(maxPower, power[f]);
        }
        double sounding = Math.max(SOUNDING_FLOOR, SOUNDING_RATIO * maxPower);
        int screened = 0;
        int screenedVoiced = 0;
        for (int f = 0; f < frames; f += SCREEN_STRIDE) {
            if (power[f] > sounding) {
                screened++;
                if (voiced(mono, f) != null) {
                    screenedVoiced++;
                }
            }
        }
        double screenFraction = screened == 0 ? 0 : (double) screenedVoiced / screened;
        if (screenFraction < MIN_VOICED_FRACTION) {
            return new PitchReport(false, screenFraction, Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        List<PitchPoint> contour = new ArrayList<>();
        int soundingFrames = 0;
        for (int f = 0; f < frames; f++) {
            if (power[f] <= sounding) {
                continue;
            }
            soundingFrames++;
            PitchPoint p = voiced(mono, f);
            if (p != null) {
                contour.add(p);
            }
        }
        double fraction = soundingFrames == 0 ? 0 : (double) contour.size() / soundingFrames;
        double[] hz = contour.stream().mapToDouble(PitchPoint::hz).sorted().toArray();
        boolean monophonic = fraction >= MIN_VOICED_FRACTION && hz.length > 0;
        if (!monophonic) {
            return new PitchReport(false, fraction, Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        return new PitchReport(true, fraction, hz[0], hz[hz.length - 1], median(hz), contour);
    }

    private PitchPoint voiced(float[] mono, int f) {
        System.arraycopy(mono, f * HOP, frame, 0, WINDOW);
        PitchDetectionResult r = yin.getPitch(frame);
        double hz = r.getPitch();
        if (!r.isPitched() || hz <= 0 || r.getProbability() < MIN_PROBABILITY
                || fundamentalShare(hz) < MIN_FUNDAMENTAL_SHARE) {
            return null;
        }
        double midi = 69 + 12 * Math.log(hz / 440) / Math.log(2);
        int key = (int) Math.round(midi);
        double time = (f * HOP + WINDOW / 2.0) / sampleRate;
        return new PitchPoint(time, hz, PitchClass.noteName(key), 100 * (midi - key), r.getProbability());
    }

    /** Power of the windowed frame at one frequency (a single DFT term) over its total power. */
    private double fundamentalShare(double hz) {
        double re = 0;
        double im = 0;
        double total = 0;
        double step = 2 * Math.PI * hz / sampleRate;
        for (int i = 0; i < WINDOW; i++) {
            double x = frame[i] * window[i];
            re += x * Math.cos(step * i);
            im += x * Math.sin(step * i);
            total += x * x;
        }
        if (total == 0) {
            return 0;
        }
        double amplitude = 2 * Math.sqrt(re * re + im * im) / windowSum;
        return amplitude * amplitude / 2 / (total / windowPower);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
