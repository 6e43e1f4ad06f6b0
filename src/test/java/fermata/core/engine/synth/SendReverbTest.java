package fermata.core.engine.synth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared reverb: a decaying stereo tail from a mono impulse, the same every time, then true silence. */
class SendReverbTest {
    private static final int RATE = 48_000;
    private static final int BLOCK = 512;

    private static float[][] impulseResponse(int blocks) {
        SendReverb reverb = new SendReverb(RATE, BLOCK);
        float[][] out = new float[2][blocks * BLOCK];
        float[] send = new float[BLOCK];
        float[] l = new float[BLOCK];
        float[] r = new float[BLOCK];
        for (int b = 0; b < blocks; b++) {
            send[0] = b == 0 ? 1f : 0f;
            java.util.Arrays.fill(l, 0f);
            java.util.Arrays.fill(r, 0f);
            reverb.process(send, l, r, BLOCK);
            System.arraycopy(l, 0, out[0], b * BLOCK, BLOCK);
            System.arraycopy(r, 0, out[1], b * BLOCK, BLOCK);
        }
        return out;
    }

    private static double energy(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += (double) x[i] * x[i];
        }
        return e;
    }

    @Test
    void anImpulseRingsOutInBothChannelsDecaysAndEndsInSilence() {
        int blocks = 40 * RATE / BLOCK;
        float[][] ir = impulseResponse(blocks);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0f, ir[0][i], "nothing before the shortest comb delay");
        }
        double early = energy(ir[0], 0, RATE / 4);
        double middle = energy(ir[0], RATE / 2, 3 * RATE / 4);
        double late = energy(ir[0], 2 * RATE, 9 * RATE / 4);
        assertTrue(early > 0 && energy(ir[1], 0, RATE / 4) > 0, "both channels ring");
        assertTrue(middle < early / 10 && middle > 0, "it decays: " + early + " -> " + middle);
        assertTrue(late < middle / 100, "and keeps decaying: " + middle + " -> " + late);
        assertTrue(ir[0][RATE / 8] != ir[1][RATE / 8], "left and right differ (stereo spread)");
        for (int i = 30 * RATE; i < ir[0].length; i++) {
            assertEquals(0f, ir[0][i], "after the tail is 160 dB down it is cleared to exact silence, frame " + i);
        }
        assertArrayEquals(ir[0], impulseResponse(blocks)[0], "deterministic");
    }
}
