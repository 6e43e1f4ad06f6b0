package fermata.core.mix;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleClassifierTest {
    private static final double SECONDS = 8;

    private static RoleClassifier.Guess content(float[][] samples) {
        StemFeatures features = StemAnalyzer.analyse(new Stem("t", "track 1", samples, SyntheticStems.RATE));
        return RoleClassifier.classify("track 1", features);
    }

    @Test
    void clearlySyntheticStemsAreClassifiedByTheirContent() {
        assertEquals(StemRole.DRUMS, content(SyntheticStems.kick(SECONDS)).role(), content(SyntheticStems.kick(SECONDS)).reason());
        assertEquals(StemRole.DRUMS, content(SyntheticStems.hats(SECONDS, 1)).role(), content(SyntheticStems.hats(SECONDS, 1)).reason());
        assertEquals(StemRole.BASS, content(SyntheticStems.bass(SECONDS)).role(), content(SyntheticStems.bass(SECONDS)).reason());
        assertEquals(StemRole.LEAD, content(SyntheticStems.lead(SECONDS)).role(), content(SyntheticStems.lead(SECONDS)).reason());
        assertEquals(StemRole.KEYS, content(SyntheticStems.pad(SECONDS)).role(), content(SyntheticStems.pad(SECONDS)).reason());
        assertEquals(StemRole.GUITARS, content(SyntheticStems.guitar(SECONDS, 2)).role(), content(SyntheticStems.guitar(SECONDS, 2)).reason());
    }

    @Test
    void theNameWinsWhenItSaysTheRole() {
        StemFeatures pad = StemAnalyzer.analyse(new Stem("t", "x", SyntheticStems.pad(4), SyntheticStems.RATE));
        RoleClassifier.Guess guess = RoleClassifier.classify("02 Lead Vox.wav", pad);
        assertEquals(StemRole.LEAD, guess.role());
        assertTrue(guess.reason().contains("name contains"), guess.reason());
        assertEquals(StemRole.BASS, RoleClassifier.classify("bass_di.flac", pad).role());
        assertEquals(StemRole.DRUMS, RoleClassifier.classify("Kick In", pad).role());
        assertEquals(StemRole.GUITARS, RoleClassifier.classify("gtr-L", pad).role());
    }

    @Test
    void rolesParseFromTheirNames() {
        assertEquals(StemRole.GUITARS, StemRole.parse("guitar"));
        assertEquals(StemRole.KEYS, StemRole.parse("Keys"));
    }
}
