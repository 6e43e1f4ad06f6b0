package fermata.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BarPositionTest {
    private static final List<TimeSignature> FOUR_THEN_SIX_EIGHT =
            List.of(new TimeSignature(0, 4, 4), new TimeSignature(2 * 3840, 6, 8));

    @Test
    void countsBarsBeatsAndTicksFromOne() {
        List<TimeSignature> common = List.of(TimeSignature.COMMON);
        assertEquals("1.1.000", BarPosition.of(0, common).toString());
        assertEquals("1.2.240", BarPosition.of(960 + 240, common).toString());
        assertEquals("3.1.000", BarPosition.of(2 * 3840, common).toString());
    }

    @Test
    void aMeterChangeStartsANewBarAndBeatsFollowTheDenominator() {
        assertEquals(new BarPosition(3, 1, 0), BarPosition.of(7680, FOUR_THEN_SIX_EIGHT));
        // 6/8: a beat is an eighth (480 ticks), a bar 2880 ticks.
        assertEquals(new BarPosition(3, 4, 0), BarPosition.of(7680 + 3 * 480, FOUR_THEN_SIX_EIGHT));
        assertEquals(new BarPosition(4, 1, 0), BarPosition.of(7680 + 2880, FOUR_THEN_SIX_EIGHT));
    }

    @Test
    void startOfBarInvertsOfAcrossMeterChanges() {
        for (long bar = 1; bar <= 8; bar++) {
            long tick = BarPosition.startOfBar(bar, FOUR_THEN_SIX_EIGHT);
            assertEquals(new BarPosition(bar, 1, 0), BarPosition.of(tick, FOUR_THEN_SIX_EIGHT), "bar " + bar);
        }
        assertEquals(7680 + 2880, BarPosition.startOfBar(4, FOUR_THEN_SIX_EIGHT));
    }

    @Test
    void aChangeInTheMiddleOfABarShortensThatBar() {
        List<TimeSignature> odd = List.of(TimeSignature.COMMON, new TimeSignature(3840 + 960, 3, 4));
        assertEquals(new BarPosition(2, 1, 480), BarPosition.of(3840 + 480, odd));
        assertEquals(new BarPosition(3, 1, 0), BarPosition.of(3840 + 960, odd));
    }
}
