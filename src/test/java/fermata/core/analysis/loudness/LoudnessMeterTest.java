package fermata.core.analysis.loudness;

import org.junit.jupiter.api.Test;

import static fermata.core.analysis.TestSignals.channels;
import static fermata.core.analysis.TestSignals.concat;
import static fermata.core.analysis.TestSignals.sine;
import static fermata.core.analysis.TestSignals.sineLinear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The minimum-requirement signals of EBU Tech 3341 (2016) and Tech 3342 (2016), synthesised here
 * from the documents' descriptions rather than read from the EBU's WAV files: 48 kHz stereo, the
 * same 1 kHz sine on both channels unless a case says otherwise. Tolerances are the documents':
 * +-0.1 LU for loudness, +0.2/-0.4 dB for true peak, +-1 LU for loudness range.
 */
class LoudnessMeterTest {
    private static final int RATE = 48_000;
    private static final double LU = 0.1;

    private static LoudnessMeter feed(float[][] signal) {
        LoudnessMeter meter = new LoudnessMeter(signal.length, RATE);
        // odd block size, so step boundaries fall inside blocks as they do in a real stream
        int block = 1013;
        for (int at = 0; at < signal[0].length; at += block) {
            meter.process(signal, at, Math.min(block, signal[0].length - at));
        }
        return meter;
    }

    private static float[][] stereo(float[] signal) {
        return channels(signal, 2);
    }

    @Test
    void kWeightingGainAt997HzIsWhatTheMinus0691OffsetCancels() {
        KWeighting k = new KWeighting(RATE);
        assertEquals(0.691, k.gainDb(997, RATE), 0.01);
        assertEquals(4.0, k.gainDb(10_000, RATE), 0.1, "the shelf adds about 4 dB at high frequencies");
        assertTrue(k.gainDb(20, RATE) < -10, "the high-pass removes rumble");
    }

    /**
     * A stereo 1 kHz sine at -23 dBFS peak per channel: each channel's mean square is half the
     * squared peak (-26.01 dB), two channels add +3.01 dB, and the K-weighting gain at 1 kHz
     * (+0.69 dB) is cancelled by the -0.691 offset, so the expected value is -23.0 LUFS (-23.00
     * to within 0.01 by that arithmetic; the K gain at 1000 Hz is 0.002 dB above its 997 Hz value).
     */
    @Test
    void stereoSineAtMinus23DbfsReadsMinus23Lufs() {
        LoudnessResult r = LoudnessMeter.measure(stereo(sine(1000, -23, 20, RATE)), RATE);
        assertEquals(-23.0, r.integratedLufs(), 0.02);
        assertEquals(-23.0, r.momentaryMaxLufs(), 0.02);
        assertEquals(-23.0, r.shortTermMaxLufs(), 0.02);
        assertEquals(-23.0, r.samplePeakDbfs(), 0.01);
    }

    @Test
    void monoSineReadsThreeDbBelowStereo() {
        LoudnessResult r = LoudnessMeter.measure(new float[][] {sine(1000, -23, 10, RATE)}, RATE);
        assertEquals(-26.01, r.integratedLufs(), 0.05);
    }

    @Test
    void tech3341Case1() {
        LoudnessMeter m = feed(stereo(sine(1000, -23, 20, RATE)));
        assertEquals(-23.0, m.momentaryLufs(), LU);
        assertEquals(-23.0, m.shortTermLufs(), LU);
        assertEquals(-23.0, m.integratedLufs(), LU);
    }

    @Test
    void tech3341Case2() {
        LoudnessMeter m = feed(stereo(sine(1000, -33, 20, RATE)));
        assertEquals(-33.0, m.momentaryLufs(), LU);
        assertEquals(-33.0, m.shortTermLufs(), LU);
        assertEquals(-33.0, m.integratedLufs(), LU);
    }

    /** -36 dBFS 10 s, -23 dBFS 60 s, -36 dBFS 10 s: the relative gate drops the quiet parts. */
    @Test
    void tech3341Case3() {
        float[] s = concat(sine(1000, -36, 10, RATE), sine(1000, -23, 60, RATE), sine(1000, -36, 10, RATE));
        assertEquals(-23.0, feed(stereo(s)).integratedLufs(), LU);
    }

    /** -72, -36, -23, -36, -72 dBFS for 10, 10, 60, 10, 10 s: both gates at work. */
    @Test
    void tech3341Case4() {
        float[] s = concat(sine(1000, -72, 10, RATE), sine(1000, -36, 10, RATE), sine(1000, -23, 60, RATE),
                sine(1000, -36, 10, RATE), sine(1000, -72, 10, RATE));
        assertEquals(-23.0, feed(stereo(s)).integratedLufs(), LU);
    }

    /** -26 dBFS 20 s, -20 dBFS 20.1 s, -26 dBFS 20 s. */
    @Test
    void tech3341Case5() {
        float[] s = concat(sine(1000, -26, 20, RATE), sine(1000, -20, 20.1, RATE), sine(1000, -26, 20, RATE));
        assertEquals(-23.0, feed(stereo(s)).integratedLufs(), LU);
    }

    /** 5.0 channels L R C Ls Rs at -28, -28, -24, -30, -30 dBFS, 20 s: surrounds weigh +1.5 dB. */
    @Test
    void tech3341Case6() {
        float[][] s = {sine(1000, -28, 20, RATE), sine(1000, -28, 20, RATE), sine(1000, -24, 20, RATE),
                sine(1000, -30, 20, RATE), sine(1000, -30, 20, RATE)};
        assertEquals(-23.0, feed(s).integratedLufs(), LU);
    }

    /** The same programme as case 6 with a loud LFE channel, which must not count. */
    @Test
    void lfeOfFivePointOneIsExcluded() {
        float[][] s = {sine(1000, -28, 20, RATE), sine(1000, -28, 20, RATE), sine(1000, -24, 20, RATE),
                sine(60, -6, 20, RATE), sine(1000, -30, 20, RATE), sine(1000, -30, 20, RATE)};
        assertEquals(-23.0, feed(s).integratedLufs(), LU);
    }

    /**
     * Case 9: 1.34 s at -20 dBFS alternating with 1.66 s at -30 dBFS, 5 times (a 3 s period), so
     * every 3 s window holds one period: short-term loudness is -23.0 throughout after 3 s.
     */
    @Test
    void tech3341Case9() {
        float[][] parts = new float[10][];
        for (int i = 0; i < 5; i++) {
            parts[2 * i] = sine(1000, -20, 1.34, RATE);
            parts[2 * i + 1] = sine(1000, -30, 1.66, RATE);
        }
        double[] shortTerm = feed(stereo(concat(parts))).shortTermSeries();
        assertTrue(shortTerm.length > 100);
        for (double s : shortTerm) {
            assertEquals(-23.0, s, LU);
        }
    }

    /**
     * Case 12: 0.18 s at -20 dBFS alternating with 0.22 s at -30 dBFS, 25 times (a 0.4 s period):
     * momentary loudness is -23.0 throughout after 0.4 s.
     */
    @Test
    void tech3341Case12() {
        float[][] parts = new float[50][];
        for (int i = 0; i < 25; i++) {
            parts[2 * i] = sine(1000, -20, 0.18, RATE);
            parts[2 * i + 1] = sine(1000, -30, 0.22, RATE);
        }
        double[] momentary = feed(stereo(concat(parts))).momentarySeries();
        assertTrue(momentary.length > 90);
        for (double m : momentary) {
            assertEquals(-23.0, m, LU);
        }
    }

    /**
     * Cases 15-19 (true peak), as libebur128 builds them: 2 s of a sine of linear peak amplitude
     * a at frequency f with starting phase p and 10 ms linear fades (without them the abrupt
     * start is a step whose Gibbs overshoot any correct reconstruction shows), same on both channels. 15: fs/4, 0 deg, a 0.5 (the
     * samples hit the peaks); 16: fs/4, 45 deg, a 0.5 (samples at -9 dBFS, the peaks fall between
     * them); 17: fs/6, 60 deg, a 0.5; 18: fs/8, 67.5 deg, a 0.5: all read -6.0 dBTP. 19: fs/4,
     * 45 deg, a 1.41: samples just under full scale, true peak +3.0 dBTP.
     */
    @Test
    void tech3341TruePeakCases15To19() {
        assertTruePeak(-6.0, RATE / 4.0, 0, 0.5);
        assertTruePeak(-6.0, RATE / 4.0, 45, 0.5);
        assertTruePeak(-6.0, RATE / 6.0, 60, 0.5);
        assertTruePeak(-6.0, RATE / 8.0, 67.5, 0.5);
        assertTruePeak(3.0, RATE / 4.0, 45, 1.41);
    }

    private static void assertTruePeak(double expected, double frequency, double phase, double amplitude) {
        float[] s = sineLinear(frequency, amplitude, phase, 2 * RATE, RATE);
        int fade = RATE / 100;
        for (int i = 0; i < fade; i++) {
            s[i] *= (float) i / fade;
            s[s.length - 1 - i] *= (float) i / fade;
        }
        double tp = feed(stereo(s)).truePeakDbtp();
        String what = "f=" + frequency + " phase=" + phase + " a=" + amplitude + ": " + tp;
        assertTrue(tp <= expected + 0.2 && tp >= expected - 0.4, what);
    }

    @Test
    void truePeakExceedsSamplePeakBetweenSamples() {
        LoudnessMeter m = feed(stereo(sineLinear(RATE / 4.0, 0.5, 45, RATE, RATE)));
        assertEquals(-9.03, m.samplePeakDbfs(), 0.05);
        assertEquals(-6.0, m.truePeakDbtp(), 0.2);
    }

    /** Tech 3342 case 1: 20 s at -20 dBFS, then 20 s at -30 dBFS: LRA 10 LU. */
    @Test
    void tech3342Case1() {
        assertRange(10, concat(sine(1000, -20, 20, RATE), sine(1000, -30, 20, RATE)));
    }

    /** Case 2: 20 s at -20, 20 s at -15 dBFS: LRA 5 LU. */
    @Test
    void tech3342Case2() {
        assertRange(5, concat(sine(1000, -20, 20, RATE), sine(1000, -15, 20, RATE)));
    }

    /** Case 3: 20 s at -40, 20 s at -20 dBFS: LRA 20 LU (the -20 LU relative gate keeps -40). */
    @Test
    void tech3342Case3() {
        assertRange(20, concat(sine(1000, -40, 20, RATE), sine(1000, -20, 20, RATE)));
    }

    /** Case 4: -50, -35, -20, -35, -50 dBFS, 20 s each: LRA 15 LU (the gate drops -50). */
    @Test
    void tech3342Case4() {
        assertRange(15, concat(sine(1000, -50, 20, RATE), sine(1000, -35, 20, RATE), sine(1000, -20, 20, RATE),
                sine(1000, -35, 20, RATE), sine(1000, -50, 20, RATE)));
    }

    private static void assertRange(double expected, float[] signal) {
        assertEquals(expected, feed(stereo(signal)).loudnessRangeLu(), 1.0);
    }

    @Test
    void clippedSamplesAreCounted() {
        float[] s = sine(1000, 0, 1, RATE);
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(-0.5f, Math.min(0.5f, s[i] * 2)) * 2;
        }
        LoudnessMeter m = feed(new float[][] {s});
        assertTrue(m.clippedSamples() > 1000, "a sine driven 6 dB into a hard clip: " + m.clippedSamples());
        assertEquals(0, feed(new float[][] {sine(1000, -1, 1, RATE)}).clippedSamples());
    }

    @Test
    void silenceHasNoIntegratedLoudness() {
        LoudnessResult r = LoudnessMeter.measure(new float[2][RATE * 5], RATE);
        assertEquals(Double.NEGATIVE_INFINITY, r.integratedLufs());
        assertEquals(0, r.rangeLu());
    }

    @Test
    void otherSampleRatesAgree() {
        for (int rate : new int[] {44_100, 96_000, 22_050}) {
            LoudnessResult r = LoudnessMeter.measure(stereo(sine(1000, -23, 10, rate)), rate);
            assertEquals(-23.0, r.integratedLufs(), 0.05, "at " + rate);
        }
    }
}
