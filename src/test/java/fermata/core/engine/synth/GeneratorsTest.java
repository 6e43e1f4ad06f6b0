package fermata.core.engine.synth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorsTest {
    @Test
    void summedGeneratorsStayInTheirSoundFontRanges() {
        assertEquals(8000, Generators.clamp(Generators.VOL_ENV_RELEASE, 12_000), "release at most 8000 tc (101.6 s)");
        assertEquals(101.6, Generators.seconds(Generators.clamp(Generators.VOL_ENV_RELEASE, 12_000)), 0.1);
        assertEquals(5000, Generators.clamp(Generators.VOL_ENV_DELAY, 7000));
        assertEquals(-12000, Generators.clamp(Generators.MOD_ENV_ATTACK, -20_000));
        assertEquals(13500, Generators.clamp(Generators.FILTER_FC, 20_000));
        assertEquals(1500, Generators.clamp(Generators.FILTER_FC, 0));
        assertEquals(1440, Generators.clamp(Generators.VOL_ENV_SUSTAIN, 2000));
        assertEquals(-200, Generators.clamp(Generators.INITIAL_ATTENUATION, -200), "a boost stays a boost");
        assertEquals(-700, Generators.clamp(Generators.PAN, -700), "generators without a clamp pass through");
    }

    @Test
    void presetZonesCannotSetSampleLevelGenerators() {
        for (int gen : new int[] {Generators.INSTRUMENT, Generators.SAMPLE_ID, Generators.SAMPLE_MODES, Generators.KEYNUM,
                Generators.START_OFFSET, Generators.EXCLUSIVE_CLASS, Generators.OVERRIDING_ROOT_KEY}) {
            assertFalse(Generators.validAtPresetLevel(gen), "generator " + gen);
        }
        assertTrue(Generators.validAtPresetLevel(Generators.VOL_ENV_RELEASE));
        assertTrue(Generators.validAtPresetLevel(Generators.FILTER_FC));
    }
}
