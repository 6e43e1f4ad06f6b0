package fermata.core.engine.synth;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph-wide voice limit sheds the longest-released voices first and never a held note. */
class VoiceBudgetTest {
    private static final int BLOCK = 512;

    @Test
    void overTheLimitTheLongestReleasedVoicesFadeOutAndHeldNotesStay() throws Exception {
        FermataSynth[] synths = new FermataSynth[4];
        float[] l = new float[BLOCK];
        float[] r = new float[BLOCK];
        for (int s = 0; s < synths.length; s++) {
            synths[s] = FermataSynth.open(48_000, BLOCK, Optional.empty());
            // The built-in bank's strings: a release of about two seconds keeps released voices sounding.
            synths[s].loadInstruments(Set.of(48), false);
            synths[s].sendNow(0xC0, 0, 48, 0);
            synths[s].sendNow(0x90, 0, 40, 100);
            for (int n = 0; n < 30; n++) {
                synths[s].sendNow(0x90, 0, 50 + n, 100);
                synths[s].render(l, r, BLOCK);
                synths[s].sendNow(0x80, 0, 50 + n, 0);
            }
        }
        int before = 0;
        int held = 0;
        for (FermataSynth s : synths) {
            before += s.countedVoices();
            held += s.heldVoices();
        }
        assertTrue(before > 100, "released voices still sound: " + before);
        VoiceBudget budget = new VoiceBudget(synths, 40);
        budget.enforce();
        int counted = 0;
        for (FermataSynth s : synths) {
            counted += s.countedVoices();
        }
        assertEquals(40, counted, "shed down to the limit");
        for (int b = 0; b < 2; b++) {
            for (FermataSynth s : synths) {
                s.render(l, r, BLOCK);
            }
        }
        int sounding = 0;
        int stillHeld = 0;
        for (FermataSynth s : synths) {
            sounding += s.activeVoices();
            stillHeld += s.heldVoices();
        }
        assertTrue(sounding <= 40, "the shed voices have faded out within two blocks: " + sounding);
        assertEquals(held, stillHeld, "held notes are never shed");
    }
}
