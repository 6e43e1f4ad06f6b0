package fermata.ui.pianoroll;

/**
 * The stretch of the song the transport loops over, in absolute ticks, dragged on the piano roll's
 * ruler. The shell turns it into frames for the engine ({@code TempoMap#frame}).
 *
 * @param startTick first tick of the loop
 * @param endTick first tick after it; always after {@code startTick}
 */
public record LoopRegion(long startTick, long endTick) {
    public LoopRegion {
        if (startTick < 0 || endTick <= startTick) {
            throw new IllegalArgumentException("a loop needs 0 <= start < end, was " + startTick + ".." + endTick);
        }
    }

    public long lengthTicks() {
        return endTick - startTick;
    }

    public boolean contains(long tick) {
        return tick >= startTick && tick < endTick;
    }
}
