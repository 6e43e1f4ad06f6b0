package fermata.core.analysis.advice;

import fermata.core.analysis.AnalysisReport;
import fermata.core.analysis.Analyzer;
import fermata.core.analysis.TestSignals;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule fires on a signal built to trigger it, and none fires on a clean master. */
class AdvisorTest {
    private static final int RATE = 44_100;
    private static final double SECONDS = 6;

    /**
     * A clean master: decorrelated noise bursts (a beat) over a centred tone, about -14 LUFS with
     * true peaks near -3 dBTP and mono-compatible stereo.
     */
    private static float[][] cleanMaster(double gainDb) {
        int n = (int) (SECONDS * RATE);
        float[] centre = new float[n];
        for (double t = 0; t < SECONDS; t += 0.5) {
            TestSignals.addTone(centre, RATE, 220, 0.12, t, 0.45, 8);
            TestSignals.addTone(centre, RATE, 55, 0.25, t, 0.2, 1);
        }
        Random random = new Random(11);
        float[][] out = new float[2][n];
        double g = TestSignals.dbToLinear(gainDb);
        for (int i = 0; i < n; i++) {
            out[0][i] = (float) (g * (centre[i] + 0.02 * random.nextGaussian()));
            out[1][i] = (float) (g * (centre[i] + 0.02 * random.nextGaussian()));
        }
        return out;
    }

    private static List<Advice> advise(float[][] signal) throws Exception {
        return Analyzer.analyze(signal, RATE, Progress.NONE).advice();
    }

    private static List<String> rules(List<Advice> advice) {
        return advice.stream().map(Advice::rule).toList();
    }

    @Test
    void cleanMasterGetsNoAdvice() throws Exception {
        AnalysisReport r = Analyzer.analyze(cleanMaster(0), RATE, Progress.NONE);
        assertEquals(-14, r.loudness().integratedLufs(), 3, "the fixture itself drifted");
        assertTrue(r.loudness().truePeakDbtp() < -1, "fixture true peak " + r.loudness().truePeakDbtp());
        assertEquals(List.of(), r.advice());
    }

    @Test
    void truePeakOverTheCeilingSaysHowMuchToLower() throws Exception {
        float[][] s = TestSignals.channels(TestSignals.sine(1000, -0.6, 4, RATE), 2);
        Advice a = advise(s).stream().filter(x -> x.rule().equals("true-peak")).findFirst().orElseThrow();
        // 0.4 dB over the -1 dBTP ceiling, rounded up to a 0.5 dB step
        assertEquals(Severity.WARNING, a.severity());
        assertTrue(a.message().startsWith("True peak -0.6 dBTP: lower the master 0.5 dB"), a.message());
        // Tech 3341 case 19's construction: samples just under full scale, true peak +3 dBTP
        float[][] over = TestSignals.channels(TestSignals.sineLinear(RATE / 4.0, 1.41, 45, RATE * 4, RATE), 2);
        Advice error = advise(over).stream().filter(x -> x.rule().equals("true-peak")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, error.severity());
        // the abrupt start adds a little overshoot of its own, hence +3.x
        assertTrue(error.message().startsWith("True peak +3."), error.message());
    }

    @Test
    void clippingIsAnErrorRankedFirst() throws Exception {
        float[][] s = cleanMaster(24);
        for (float[] channel : s) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = Math.max(-1f, Math.min(1f, channel[i]));
            }
        }
        List<Advice> advice = advise(s);
        assertEquals(Severity.ERROR, advice.get(0).severity());
        assertTrue(rules(advice).contains("clipping"), advice.toString());
        assertTrue(rules(advice).contains("loudness-target"), advice.toString());
        assertTrue(rules(advice).contains("over-compressed"), advice.toString());
    }

    @Test
    void loudMasterIsAboveTheStreamingTarget() throws Exception {
        float[][] s = cleanMaster(0);
        for (float[] channel : s) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) Math.tanh(4 * channel[i]) * 0.85f;
            }
        }
        Advice a = advise(s).stream().filter(x -> x.rule().equals("loudness-target")).findFirst().orElseThrow();
        assertTrue(a.message().contains("LU above the streaming target (-14 LUFS)"), a.message());
    }

    @Test
    void quietMasterIsBelowTheTarget() throws Exception {
        Advice a = advise(cleanMaster(-12)).stream().filter(x -> x.rule().equals("loudness-target")).findFirst()
                .orElseThrow();
        assertEquals(Severity.INFO, a.severity());
        assertTrue(a.message().contains("below the streaming target"), a.message());
    }

    @Test
    void antiphaseBandIsReportedWithItsRange() throws Exception {
        float[][] s = cleanMaster(0);
        float[] high = TestSignals.sine(3000, -30, SECONDS, RATE);
        for (int i = 0; i < high.length; i++) {
            s[0][i] += high[i];
            s[1][i] -= high[i];
        }
        List<Advice> advice = advise(s);
        assertTrue(advice.stream().anyMatch(a -> a.message().contains("between 2000 and 4000 Hz: check mono")),
                advice.toString());
    }

    @Test
    void invertedChannelIsAnError() throws Exception {
        float[][] s = cleanMaster(0);
        for (int i = 0; i < s[1].length; i++) {
            s[1][i] = -s[1][i];
        }
        Advice a = advise(s).get(0);
        assertEquals("mono-compatibility", a.rule());
        assertEquals(Severity.ERROR, a.severity());
    }

    @Test
    void stereoBassAndDcOffsetAreFlagged() throws Exception {
        float[][] s = cleanMaster(0);
        float[] bass = TestSignals.sine(60, -24, SECONDS, RATE);
        for (int i = 0; i < bass.length; i++) {
            s[0][i] += bass[i] + 0.01f;
            s[1][i] -= bass[i] - 0.01f;
        }
        List<String> rules = rules(advise(s));
        assertTrue(rules.contains("stereo-bass"), rules.toString());
        assertTrue(rules.contains("dc-offset"), rules.toString());
    }

    @Test
    void stemsSharingTheLowEndOverlap() {
        float[] kick = new float[RATE * 4];
        for (double t = 0; t < 4; t += 0.5) {
            TestSignals.addTone(kick, RATE, 70, 0.8, t, 0.3, 1);
        }
        float[] bass = new float[RATE * 4];
        TestSignals.addTone(bass, RATE, 80, 0.5, 0, 4, 1);
        float[] vocal = new float[RATE * 4];
        TestSignals.addTone(vocal, RATE, 880, 0.3, 0, 4, 3);
        Map<String, float[][]> stems = new LinkedHashMap<>();
        stems.put("kick", new float[][] {kick});
        stems.put("bass", new float[][] {bass});
        stems.put("vocal", new float[][] {vocal});
        List<Advice> advice = Advisor.adviseStems(stems, RATE);
        assertEquals(1, advice.size(), advice.toString());
        assertTrue(advice.get(0).message().startsWith("Kick and bass overlap at 63-80 Hz")
                || advice.get(0).message().startsWith("Kick and bass overlap at 63-100 Hz")
                || advice.get(0).message().startsWith("Kick and bass overlap at 80 Hz"), advice.get(0).message());
    }
}
