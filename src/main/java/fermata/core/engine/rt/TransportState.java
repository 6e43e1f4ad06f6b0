package fermata.core.engine.rt;

/** What the transport is doing, as the UI shows it. */
public enum TransportState {
    STOPPED, COUNT_IN, PLAYING, PAUSED
}
