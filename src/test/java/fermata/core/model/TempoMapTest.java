package fermata.core.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TempoMapTest {
    private static final int PPQ = Ppq.TICKS_PER_QUARTER;

    @Test
    void constantTempoConvertsLinearly() {
        TempoMap map = TempoMap.constant(120);
        assertEquals(0.5, map.seconds(PPQ), 1e-12);
        assertEquals(24_000, map.frame(PPQ, 48_000));
        assertEquals(PPQ, map.tick(0.5), 1e-9);
    }

    @Test
    void tempoChangesAccumulate() {
        TempoMap map = new TempoMap(List.of(Tempo.ofBpm(0, 120), Tempo.ofBpm(4L * PPQ, 60), Tempo.ofBpm(6L * PPQ, 240)));
        // 4 beats at 120 = 2 s, 2 beats at 60 = 2 s, then 0.25 s per beat.
        assertEquals(2.0, map.seconds(4L * PPQ), 1e-12);
        assertEquals(4.0, map.seconds(6L * PPQ), 1e-12);
        assertEquals(4.25, map.seconds(7L * PPQ), 1e-12);
        assertEquals(3.0, map.seconds(5L * PPQ), 1e-12);
        assertEquals(5L * PPQ, map.tick(3.0), 1e-9);
        assertEquals(7L * PPQ, map.tick(4.25), 1e-9);
        assertEquals(60, map.tempoAt(5L * PPQ).bpm(), 1e-9);
    }

    @Test
    void missingStartTempoIsAddedAndDuplicatesKeepTheLast() {
        TempoMap map = new TempoMap(List.of(new Tempo(960, 1_000_000), new Tempo(960, 250_000)));
        assertEquals(2, map.changes().size());
        assertEquals(0, map.changes().get(0).tick());
        assertEquals(250_000, map.tempoAt(960).microsPerQuarter());
    }

    @Test
    void binarySearchAgreesWithALinearWalkOverManyChanges() {
        Random random = new Random(7);
        List<Tempo> changes = new ArrayList<>();
        long tick = 0;
        for (int i = 0; i < 20_000; i++) {
            changes.add(new Tempo(tick, 300_000 + random.nextInt(700_000)));
            tick += 1 + random.nextInt(500);
        }
        TempoMap map = new TempoMap(changes);
        for (int probe = 0; probe < 200; probe++) {
            long t = (long) (random.nextDouble() * tick);
            double linear = 0;
            for (int i = 0; i < changes.size(); i++) {
                long end = i + 1 < changes.size() ? changes.get(i + 1).tick() : Long.MAX_VALUE;
                long from = changes.get(i).tick();
                if (t <= from) {
                    break;
                }
                long span = Math.min(t, end) - from;
                linear += span * changes.get(i).microsPerQuarter() / 1e6 / PPQ;
            }
            assertEquals(linear, map.seconds(t), 1e-6);
            assertEquals(t, map.tick(map.seconds(t)), 1e-6);
        }
    }
}
