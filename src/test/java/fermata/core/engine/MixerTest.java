package fermata.core.engine;

import fermata.core.model.AudioClip;
import fermata.core.model.MediaRef;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Fader, pan law, mute and solo on DC test sources with known samples. */
class MixerTest {
    private static final int RATE = 48_000;
    private static final long LENGTH = 4800;
    private static final RenderOptions NO_LIMITER = TestSignals.options(0.1).withCeilingDbtp(RenderOptions.LIMITER_OFF);

    private final MediaRef dcA = TestSignals.media("dc-a", LENGTH, RATE, 1);
    private final MediaRef dcB = TestSignals.media("dc-b", LENGTH, RATE, 1);
    private final ClipSourceProvider provider = TestSignals.provider(Map.of(
            "dc-a", TestSignals.source(1, RATE, LENGTH, (c, f) -> 0.25f),
            "dc-b", TestSignals.source(1, RATE, LENGTH, (c, f) -> 0.125f)));

    private Project twoTracks(MixerSettings a, MixerSettings b) {
        return TestSignals.project(List.of(
                TestSignals.audioTrack("a", a, new AudioClip("ca", "dc-a", 0, LENGTH)),
                TestSignals.audioTrack("b", b, new AudioClip("cb", "dc-b", 0, LENGTH))), List.of(dcA, dcB));
    }

    private float[] sampleAt(Project p, int frame) throws Exception {
        TestSignals.MemorySink sink = TestSignals.render(p, NO_LIMITER, provider);
        return new float[] {sink.channel(0)[frame], sink.channel(1)[frame]};
    }

    @Test
    void centredTrackIsThreeDecibelsDownOnEachSide() throws Exception {
        MixerSettings centre = MixerSettings.UNITY;
        float[] s = sampleAt(twoTracks(centre, centre.withMute(true)), 1000);
        assertEquals(0.25 * Math.sqrt(0.5), s[0], 1e-7);
        assertEquals(0.25 * Math.sqrt(0.5), s[1], 1e-7);
        assertEquals(-3.0103, 20 * Math.log10(s[0] / 0.25), 1e-3);
    }

    @Test
    void panKeepsConstantPower() throws Exception {
        for (double pan : new double[] {-1, -0.5, 0.3, 1}) {
            float[] s = sampleAt(twoTracks(MixerSettings.UNITY.withPan(pan), MixerSettings.UNITY.withMute(true)), 2000);
            assertEquals(0.25 * 0.25, s[0] * s[0] + s[1] * s[1], 1e-7, "power at pan " + pan);
        }
        float[] hardLeft = sampleAt(twoTracks(MixerSettings.UNITY.withPan(-1), MixerSettings.UNITY.withMute(true)), 10);
        assertEquals(0.25f, hardLeft[0], 1e-7);
        assertEquals(0f, hardLeft[1], 1e-7);
    }

    @Test
    void faderGainIsExactInDecibels() throws Exception {
        float[] s = sampleAt(twoTracks(MixerSettings.UNITY.withGainDb(-6).withPan(-1),
                MixerSettings.UNITY.withMute(true)), 100);
        assertEquals(0.25 * Math.pow(10, -6 / 20.0), s[0], 1e-7);
    }

    @Test
    void muteSilencesOnlyTheMutedTrack() throws Exception {
        float[] both = sampleAt(twoTracks(MixerSettings.UNITY, MixerSettings.UNITY), 500);
        float[] bMuted = sampleAt(twoTracks(MixerSettings.UNITY, MixerSettings.UNITY.withMute(true)), 500);
        assertEquals((0.25 + 0.125) * Math.sqrt(0.5), both[0], 1e-7);
        assertEquals(0.25 * Math.sqrt(0.5), bMuted[0], 1e-7);
    }

    @Test
    void soloInPlaceSilencesTheOthers() throws Exception {
        float[] soloB = sampleAt(twoTracks(MixerSettings.UNITY, MixerSettings.UNITY.withSolo(true)), 500);
        assertEquals(0.125 * Math.sqrt(0.5), soloB[0], 1e-7);
        float[] soloBoth = sampleAt(twoTracks(MixerSettings.UNITY.withSolo(true), MixerSettings.UNITY.withSolo(true)), 500);
        assertEquals((0.25 + 0.125) * Math.sqrt(0.5), soloBoth[0], 1e-7);
    }

    @Test
    void clipGainFadesAndOffsetApply() throws Exception {
        MediaRef ramp = TestSignals.media("ramp", 10_000, RATE, 1);
        ClipSourceProvider rampProvider = TestSignals.provider(Map.of("ramp",
                TestSignals.source(1, RATE, 10_000, (c, f) -> f / 10_000f)));
        AudioClip clip = new AudioClip("c", "ramp", 1000, 2000, 4000, -6.0, 1000, 500);
        Project p = TestSignals.project(List.of(TestSignals.audioTrack("t", MixerSettings.UNITY.withPan(-1), clip)),
                List.of(ramp));
        float[] left = TestSignals.render(p, NO_LIMITER, rampProvider).channel(0);
        double g = Math.pow(10, -6 / 20.0);
        assertEquals(0f, left[999], 0);
        assertEquals(0f, left[1000], 1e-7, "fade-in starts at 0");
        assertEquals(2500 / 10_000.0 * g * 0.5, left[1500], 1e-6, "half-way through the fade-in, source offset 2000");
        assertEquals(4000 / 10_000.0 * g, left[3000], 1e-6, "full gain after the fade");
        assertEquals(5750 / 10_000.0 * g * 0.5, left[4750], 1e-6, "half-way through the fade-out");
        assertEquals(0f, left[5000], 0, "nothing after the clip end");
    }

    @Test
    void mismatchedMediaRateWithoutConverterFailsClearly() {
        MediaRef at44 = TestSignals.media("m", 100, 44_100, 1);
        Project p = TestSignals.project(List.of(TestSignals.audioTrack("t", MixerSettings.UNITY,
                new AudioClip("c", "m", 0, 100))), List.of(at44));
        EngineException e = assertThrows(EngineException.class, () -> TestSignals.render(p, NO_LIMITER,
                TestSignals.provider(Map.of("m", TestSignals.source(1, 44_100, 100, (c, f) -> 0f)))));
        assertEquals(true, e.getMessage().contains("44100 Hz"), e.getMessage());
    }
}
