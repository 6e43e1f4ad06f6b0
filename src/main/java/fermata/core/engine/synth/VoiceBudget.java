package fermata.core.engine.synth;

/**
 * A limit on the voices of all the synthesizers of one graph, as FluidSynth's polyphony (256 by
 * default) limits its one synthesizer: without it, a dense arrangement with long releases (pads,
 * bells) keeps near a thousand release tails sounding, most of them 40 dB or more down, and costs
 * four times the work FluidSynth does for the same file. Over the limit, the voices released
 * longest ago, across all tracks, fade out within a few milliseconds; held notes are never shed
 * (each synthesizer's own pool bounds those).
 *
 * <p>Checked once per block on the thread that mixes the tracks, after all of them rendered, and
 * decided only from the voices' state, so the result does not depend on which threads rendered
 * which track: renders stay bit-identical. Allocation-free.
 */
public final class VoiceBudget {
    /** FluidSynth's default polyphony. */
    public static final int DEFAULT_VOICES = 256;

    private final FermataSynth[] synths;
    private final int limit;

    public VoiceBudget(FermataSynth[] synths, int limit) {
        this.synths = synths.clone();
        this.limit = limit;
    }

    /** Sheds the longest-released voices above the limit; call between blocks. */
    public void enforce() {
        int total = 0;
        for (FermataSynth s : synths) {
            total += s.countedVoices();
        }
        int excess = total - limit;
        if (excess <= 0) {
            return;
        }
        int longest = -1;
        for (FermataSynth s : synths) {
            longest = Math.max(longest, s.longestRelease());
        }
        if (longest < 0) {
            return;
        }
        // The largest release age that still selects at least `excess` voices (or all released ones).
        int lo = 0;
        int hi = longest;
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (releasedAtLeast(mid) >= excess) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // Every voice released longer ago than `lo` first (fewer than `excess` by the search), then
        // the rest from those released exactly `lo` blocks ago, so no older voice outlives a newer one.
        int left = excess;
        for (FermataSynth s : synths) {
            left -= s.cutReleasedAtLeast(lo + 1, left);
        }
        for (FermataSynth s : synths) {
            left -= s.cutReleasedAtLeast(lo, left);
        }
    }

    private int releasedAtLeast(int age) {
        int n = 0;
        for (FermataSynth s : synths) {
            n += s.releasedAtLeast(age);
        }
        return n;
    }
}
