package fermata.core.library;

/**
 * When a play counts as a skip. A play the user ended (next, previous, another track, stop) after
 * at least {@value #MIN_COUNTED_MS} ms but before half the track and before {@value #SKIP_LIMIT_MS}
 * ms (4 minutes) is a skip. Shorter than {@value #MIN_COUNTED_MS} ms is neither a play nor a skip
 * (a slip of the finger, or browsing). Anything else, including every track that ran to its end,
 * is a play. The 4-minute cap keeps long pieces fair: leaving a 20-minute symphony after 6 minutes
 * is listening, not rejecting.
 */
public final class SkipRule {
    public static final long MIN_COUNTED_MS = 2_000;
    public static final long SKIP_LIMIT_MS = 240_000;

    public enum Outcome { IGNORED, PLAYED, SKIPPED }

    private SkipRule() {
    }

    public static Outcome judge(long playedMs, long durationMs, boolean endedByUser) {
        if (playedMs < MIN_COUNTED_MS) {
            return Outcome.IGNORED;
        }
        if (endedByUser && playedMs * 2 < durationMs && playedMs < SKIP_LIMIT_MS) {
            return Outcome.SKIPPED;
        }
        return Outcome.PLAYED;
    }
}
