package fermata.core.analysis.rhythm;

import fermata.core.analysis.Signals;
import fermata.core.analysis.TestSignals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RhythmAnalyzerTest {
    private static final int RATE = 44_100;

    private static RhythmReport analyze(float[] signal) {
        float[] mono = Signals.monoForAnalysis(new float[][] {signal}, RATE);
        return RhythmAnalyzer.analyze(mono, RATE / Signals.decimationFactor(RATE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {120, 90, 140})
    void clickTrainReadsItsTempoAndBeatsLandOnTheClicks(double bpm) {
        double[] clicks = TestSignals.beatTimes(bpm, 0.5, 30);
        RhythmReport r = analyze(TestSignals.clicks(clicks, 30, RATE, 0.5));
        assertEquals(bpm, r.tempo().bpm(), 0.5);
        assertTrue(r.tempo().confidence() > 0.5, "confidence " + r.tempo().confidence());
        for (double beat : r.beats()) {
            assertTrue(distanceToNearest(beat, clicks) < 0.020, "beat at " + beat + " is off the clicks");
        }
        assertTrue(r.beats().size() >= clicks.length - 2, r.beats().size() + " beats for " + clicks.length + " clicks");
        assertEquals(clicks.length, r.onsets().size(), 1);
        assertEquals(clicks.length / 30.0, r.onsetsPerSecond(), 0.1);
    }

    @Test
    void tempoChangeShowsInTheCurveAndTheBeatsFollowIt() {
        double[] slow = TestSignals.beatTimes(100, 0.5, 24);
        double last = slow[slow.length - 1];
        double[] fast = TestSignals.beatTimes(130, last + 60 / 130.0, 48);
        double[] clicks = new double[slow.length + fast.length];
        System.arraycopy(slow, 0, clicks, 0, slow.length);
        System.arraycopy(fast, 0, clicks, slow.length, fast.length);
        RhythmReport r = analyze(TestSignals.clicks(clicks, 48, RATE, 0.5));
        List<TempoPoint> curve = r.tempoCurve();
        TempoPoint early = curve.stream().filter(p -> p.timeSeconds() < 15).reduce((a, b) -> b).orElseThrow();
        TempoPoint late = curve.stream().filter(p -> p.timeSeconds() > 33).findFirst().orElseThrow();
        assertEquals(100, early.bpm(), 1.5, "curve " + curve);
        assertEquals(130, late.bpm(), 1.5, "curve " + curve);
        int onClick = 0;
        for (double beat : r.beats()) {
            if (distanceToNearest(beat, clicks) < 0.020) {
                onClick++;
            }
        }
        assertTrue(onClick >= 0.9 * r.beats().size() && r.beats().size() >= 0.9 * clicks.length,
                onClick + " of " + r.beats().size() + " beats on " + clicks.length + " clicks");
    }

    @Test
    void downbeatsAreTheAccentedClicks() {
        double[] clicks = TestSignals.beatTimes(120, 0.5, 20);
        float[] signal = TestSignals.clicks(clicks, 20, RATE, 0.15);
        // every fourth click, starting with the second, is four times as loud
        double[] accents = new double[(clicks.length - 1 + 3) / 4];
        for (int i = 0; i < accents.length; i++) {
            accents[i] = clicks[1 + 4 * i];
        }
        float[] accent = TestSignals.clicks(accents, 20, RATE, 0.45);
        for (int i = 0; i < signal.length; i++) {
            signal[i] += accent[i];
        }
        RhythmReport r = analyze(signal);
        assertTrue(r.downbeats().size() >= 3);
        for (double d : r.downbeats()) {
            assertTrue(distanceToNearest(d, accents) < 0.020, "downbeat at " + d);
        }
    }

    @Test
    void silenceHasNoBeats() {
        RhythmReport r = analyze(new float[RATE * 5]);
        assertTrue(r.beats().isEmpty());
        assertTrue(r.onsets().isEmpty());
    }

    static double distanceToNearest(double t, double[] times) {
        double best = Double.MAX_VALUE;
        for (double x : times) {
            best = Math.min(best, Math.abs(x - t));
        }
        return best;
    }
}
