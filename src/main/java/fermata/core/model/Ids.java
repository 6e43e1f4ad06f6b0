package fermata.core.model;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Short identities for tracks, clips and media that are unique within a project. */
public final class Ids {
    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() & 0xFFFFF);

    private Ids() {
    }

    /** A fresh id such as "track-1a2f", not in {@code taken}. */
    public static String fresh(String prefix, Set<String> taken) {
        while (true) {
            String id = prefix + "-" + Long.toString(COUNTER.incrementAndGet(), 36);
            if (!taken.contains(id)) {
                return id;
            }
        }
    }
}
