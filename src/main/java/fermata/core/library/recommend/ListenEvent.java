package fermata.core.library.recommend;

/** One listen of the library's owner, for session building and replay: when (ms, UTC), which item, whether skipped. */
public record ListenEvent(long time, int item, boolean skipped) {
}
