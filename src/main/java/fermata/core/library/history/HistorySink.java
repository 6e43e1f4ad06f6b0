package fermata.core.library.history;

/** Where a history reader sends what it finds, record by record, so that huge files stream. */
public interface HistorySink {
    void listen(Listen listen) throws Exception;

    default void playCount(PlayCount count) throws Exception {
    }

    /** A record that could not be read; {@code where} is "line 12" or "record 7". */
    void malformed(String where, String reason) throws Exception;

    /** A well-formed record that is not a music listen (a podcast episode, say). */
    default void ignored(String where, String reason) throws Exception {
    }
}
