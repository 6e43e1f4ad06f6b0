package fermata.core.mix;

import fermata.core.analysis.loudness.LoudnessMeter;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutoMixerTest {
    static final double SECONDS = 6;

    static List<Stem> band() {
        return List.of(
                new Stem("t1", "track 1", SyntheticStems.kick(SECONDS), SyntheticStems.RATE),
                new Stem("t2", "track 2", SyntheticStems.hats(SECONDS, 1), SyntheticStems.RATE),
                new Stem("t3", "track 3", SyntheticStems.bass(SECONDS), SyntheticStems.RATE),
                new Stem("t4", "track 4", SyntheticStems.lead(SECONDS), SyntheticStems.RATE),
                new Stem("t5", "track 5", SyntheticStems.pad(SECONDS), SyntheticStems.RATE),
                new Stem("t6", "track 6", SyntheticStems.guitar(SECONDS, 2), SyntheticStems.RATE));
    }

    private static AutoMixer.Result mix(List<Stem> stems, String preset) throws Exception {
        return AutoMixer.mix(stems, AutoMixer.Options.of(MixPresets.builtIn(preset)), Progress.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"streaming", "ebu-r128", "club", "podcast"})
    void theMixMeetsThePresetsLoudnessAndCeilingByOurMeter(String name) throws Exception {
        MixPreset preset = MixPresets.builtIn(name);
        AutoMixer.Result result = mix(band(), name);
        LoudnessResult measured = LoudnessMeter.measure(result.mix(), result.sampleRate());
        assertEquals(preset.integratedLufs(), measured.integratedLufs(), 0.5, name);
        assertTrue(measured.truePeakDbtp() <= preset.truePeakDbtp(), name + ": true peak " + measured.truePeakDbtp());
        assertEquals(measured.integratedLufs(), result.plan().master().integratedLufs(), 1e-9, "the plan reports what was measured");
    }

    @Test
    void theMixIsDeterministic() throws Exception {
        AutoMixer.Result a = mix(band(), "streaming");
        AutoMixer.Result b = mix(band(), "streaming");
        assertArrayEquals(a.mix()[0], b.mix()[0]);
        assertArrayEquals(a.mix()[1], b.mix()[1]);
        assertEquals(a.plan(), b.plan());
    }

    @Test
    void aStemTwentyDecibelsTooLoudComesOutBalanced() throws Exception {
        List<Stem> stems = new ArrayList<>(band());
        Stem guitar = stems.get(5);
        float[][] loud = new float[1][];
        loud[0] = MixSignals.scaled(guitar.samples()[0], 10);
        stems.set(5, new Stem(guitar.trackId(), guitar.name(), loud, guitar.sampleRate()));
        List<StemDecision> decisions = mix(stems, "streaming").plan().stems();
        double inSpread = spread(decisions.stream().mapToDouble(StemDecision::inputLufs).toArray());
        double outSpread = spread(decisions.stream().mapToDouble(StemDecision::mixLufs).toArray());
        assertTrue(outSpread < inSpread - 10, "loudness spread between stems " + inSpread + " -> " + outSpread);
        assertTrue(decisions.get(5).mixer().gainDb() < -15, "the loud guitar is turned down: " + decisions.get(5).mixer());
    }

    private static double spread(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    @Test
    void decisionsFollowTheRoles() throws Exception {
        MixPlan plan = mix(band(), "streaming").plan();
        List<StemRole> roles = plan.stems().stream().map(StemDecision::role).toList();
        assertEquals(List.of(StemRole.DRUMS, StemRole.DRUMS, StemRole.BASS, StemRole.LEAD, StemRole.KEYS, StemRole.GUITARS), roles);
        assertEquals(0.0, plan.stems().get(0).mixer().pan(), "the kick is centred");
        assertEquals(0.0, plan.stems().get(2).mixer().pan(), "the bass is centred");
        assertEquals(0.0, plan.stems().get(3).mixer().pan(), "the lead is centred");
        double pad = plan.stems().get(4).mixer().pan();
        double guitar = plan.stems().get(5).mixer().pan();
        assertTrue(pad != 0 && guitar != 0 && Math.abs(pad) <= 0.7 && Math.abs(guitar) <= 0.7, pad + " " + guitar);
        assertTrue(plan.stems().get(3).mixer().inserts().stream().anyMatch(i -> i.type().equals("highpass")),
                "the lead has no lows worth keeping: " + plan.stems().get(3).mixer().inserts());
        for (StemDecision s : plan.stems()) {
            assertTrue(s.mixer().inserts().stream().anyMatch(i -> i.type().equals("compressor")), s.name());
            assertTrue(s.decisions().stream().allMatch(d -> !d.reason().isBlank()), s.name());
        }
        assertEquals(List.of("compressor", "eq", "gain", "limiter"),
                plan.master().mixer().inserts().stream().map(i -> i.type()).distinct().toList().subList(0, 4));
    }

    @Test
    void theUsersRoleCorrectionWins() throws Exception {
        AutoMixer.Options options = AutoMixer.Options.of(MixPresets.builtIn("streaming")).withRoles(Map.of("t5", StemRole.LEAD));
        StemDecision pad = AutoMixer.mix(band(), options, Progress.NONE).plan().stem("t5").orElseThrow();
        assertEquals(StemRole.LEAD, pad.role());
        assertEquals("set by the user", pad.roleReason());
        assertEquals(0.0, pad.mixer().pan(), "a lead is centred");
    }

    @Test
    void monoSafePresetKeepsEveryStemCentred() throws Exception {
        for (StemDecision s : mix(band(), "podcast").plan().stems()) {
            assertEquals(0.0, s.mixer().pan(), s.name());
        }
    }

    @Test
    void aReferenceSetsTheLoudnessAndTheWidth() throws Exception {
        float[][] pad = SyntheticStems.pad(SECONDS);
        float[] mono = OctaveBands.mono(pad);
        float[][] reference = {MixSignals.scaled(mono, 0.5), MixSignals.scaled(mono, 0.5)};
        ReferenceProfile profile = ReferenceProfile.measure("ref.wav", reference, SyntheticStems.RATE);
        AutoMixer.Options options = AutoMixer.Options.of(MixPresets.builtIn("streaming")).withReference(profile);
        AutoMixer.Result result = AutoMixer.mix(band(), options, Progress.NONE);
        LoudnessResult measured = LoudnessMeter.measure(result.mix(), result.sampleRate());
        assertEquals(profile.integratedLufs(), measured.integratedLufs(), 0.5);
        assertTrue(result.plan().master().decisions().stream().anyMatch(d -> d.what().startsWith("stereo width 50%")),
                "a mono reference narrows the mix: " + result.plan().master().decisions());
        assertEquals("ref.wav", result.plan().reference().orElseThrow());
    }
}
