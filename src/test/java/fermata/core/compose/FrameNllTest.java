package fermata.core.compose;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameNllTest {
    @Test
    void matchesAHandComputedTable() {
        double[][] probabilities = {{0.5, 0.5, 0.1}, {0.9, 0.2, 0.75}};
        boolean[][] sounding = {{true, false, false}, {true, true, false}};
        // step 1: -ln .5 - ln .5 - ln .9; step 2: -ln .9 - ln .2 - ln .25
        double step1 = 2 * Math.log(2) - Math.log(0.9);
        double step2 = -Math.log(0.9) - Math.log(0.2) - Math.log(0.25);

        assertEquals(1.491655, step1, 1e-6);
        assertEquals(step1, FrameNll.step(probabilities[0], sounding[0]), 1e-12);
        assertEquals((step1 + step2) / 2, FrameNll.meanPerStep(probabilities, sounding), 1e-12);
        assertEquals(2.2964, (step1 + step2) / 2, 1e-4);
    }

    @Test
    void certaintyIsClampedNotInfinite() {
        assertEquals(-Math.log(FrameNll.EPSILON), FrameNll.step(new double[] {0.0}, new boolean[] {true}), 1e-9);
        assertEquals(0, FrameNll.step(new double[] {1.0}, new boolean[] {true}), 1e-6);
    }
}
