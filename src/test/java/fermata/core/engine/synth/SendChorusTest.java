package fermata.core.engine.synth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared chorus: swept copies 8-16 ms after the input, spread left and right, then silence. */
class SendChorusTest {
    private static final int RATE = 48_000;
    private static final int BLOCK = 512;

    private static float[][] response(float[] input) {
        SendChorus chorus = new SendChorus(RATE);
        float[][] out = new float[2][input.length];
        float[] l = new float[BLOCK];
        float[] r = new float[BLOCK];
        for (int at = 0; at < input.length; at += BLOCK) {
            java.util.Arrays.fill(l, 0f);
            java.util.Arrays.fill(r, 0f);
            chorus.process(java.util.Arrays.copyOfRange(input, at, at + BLOCK), l, r, BLOCK);
            System.arraycopy(l, 0, out[0], at, BLOCK);
            System.arraycopy(r, 0, out[1], at, BLOCK);
        }
        return out;
    }

    @Test
    void clicksComeBackDelayedBetween8And16MillisecondsOnBothSides() {
        float[] clicks = new float[RATE * 4];
        int[] at = {1000, RATE / 2, RATE, 3 * RATE / 2, 2 * RATE};
        for (int a : at) {
            clicks[a] = 1f;
        }
        float[][] out = response(clicks);
        int[] firstDelay = new int[2];
        for (int k = 0; k < at.length; k++) {
            for (int c = 0; c < 2; c++) {
                int first = -1;
                for (int i = at[k]; i < at[k] + RATE / 10 && first < 0; i++) {
                    if (Math.abs(out[c][i]) > 1e-3f) {
                        first = i - at[k];
                    }
                }
                assertTrue(first >= RATE * 8 / 1000 - 1 && first <= RATE * 16 / 1000 + 1,
                        "click " + k + " comes back on channel " + c + " after " + first + " frames");
                if (k == 0) {
                    firstDelay[c] = first;
                }
            }
        }
        assertTrue(firstDelay[0] != firstDelay[1], "left and right are swept apart: " + firstDelay[0] + ", " + firstDelay[1]);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0f, out[0][i], "nothing before the first click");
        }
        for (int i = 2 * RATE + RATE / 10; i < out[0].length; i++) {
            assertEquals(0f, out[0][i], "silence once the line has emptied, frame " + i);
        }
        assertArrayEquals(out[1], response(clicks)[1], "deterministic");
    }
}
