package fermata.core.engine.rt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandRingTest {
    @Test
    void keepsOrderAndRefusesWhenFull() {
        CommandRing ring = new CommandRing(4);
        for (int i = 0; i < 4; i++) {
            assertTrue(ring.offer(i, i, i * 10L, -i, i / 2.0));
        }
        assertFalse(ring.offer(9, 0, 0, 0, 0));
        CommandRing.Command c = new CommandRing.Command();
        for (int i = 0; i < 4; i++) {
            assertTrue(ring.poll(c));
            assertEquals(i, c.type);
            assertEquals(i * 10L, c.a);
            assertEquals(-i, c.b);
            assertEquals(i / 2.0, c.value);
        }
        assertFalse(ring.poll(c));
    }

    @Test
    void transfersAMillionCommandsBetweenTwoThreadsInOrder() throws InterruptedException {
        CommandRing ring = new CommandRing(64);
        int count = 1_000_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                while (!ring.offer(1, 0, i, 0, 0)) {
                    Thread.onSpinWait();
                }
            }
        });
        producer.start();
        CommandRing.Command c = new CommandRing.Command();
        long expected = 0;
        while (expected < count) {
            if (ring.poll(c)) {
                assertEquals(expected, c.a);
                expected++;
            } else {
                Thread.onSpinWait();
            }
        }
        producer.join();
    }
}
