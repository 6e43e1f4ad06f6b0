package fermata.core.library;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The library player's logic: a queue with play, pause, next, previous and shuffle, logging every
 * play to the {@link PlayLog} when it ends (by the user or by reaching the end of the track). It
 * holds no audio: the studio drives an engine from {@link #current()} and calls
 * {@link #trackEnded()} when a track finishes. Time comes from a clock so tests can step it.
 * Used from one thread (the UI's).
 */
public final class LibraryPlayer {
    /** Previous restarts the current track instead of going back when this far in. */
    static final long RESTART_AFTER_MS = 3_000;

    private final PlayLog log;
    private final LongSupplier clock;
    private final Random random;
    private final List<Track> queue = new ArrayList<>();
    private int position = -1;
    private boolean playing;
    private long startedAt;
    private long playedBeforePause;
    private long resumedAt;

    public LibraryPlayer(PlayLog log, LongSupplier clock, long shuffleSeed) {
        this.log = log;
        this.clock = clock;
        this.random = new Random(shuffleSeed);
    }

    /** Replaces the queue and starts its first track (logging the one that was playing). */
    public void playAll(List<Track> tracks) throws LibraryException {
        finishCurrent(true);
        queue.clear();
        queue.addAll(tracks);
        position = queue.isEmpty() ? -1 : 0;
        start();
    }

    public void enqueue(Track track) {
        queue.add(track);
    }

    /** Shuffles the tracks after the current one. */
    public void shuffle() {
        Collections.shuffle(queue.subList(Math.max(0, position + 1), queue.size()), random);
    }

    public void pause() {
        if (playing) {
            playedBeforePause += clock.getAsLong() - resumedAt;
            playing = false;
        }
    }

    public void resume() {
        if (!playing && position >= 0) {
            resumedAt = clock.getAsLong();
            playing = true;
        }
    }

    public void next() throws LibraryException {
        finishCurrent(true);
        if (position + 1 < queue.size()) {
            position++;
            start();
        } else {
            position = -1;
        }
    }

    /** Back to the previous track, or to the start of this one when it has played a while. */
    public void previous() throws LibraryException {
        boolean restart = playedMs() > RESTART_AFTER_MS || position <= 0;
        finishCurrent(true);
        if (!restart) {
            position--;
        }
        start();
    }

    /** The engine reached the end of the current track. */
    public void trackEnded() throws LibraryException {
        finishCurrent(false);
        if (position + 1 < queue.size()) {
            position++;
            start();
        } else {
            position = -1;
        }
    }

    public void stop() throws LibraryException {
        finishCurrent(true);
        position = -1;
    }

    public Track current() {
        return position >= 0 ? queue.get(position) : null;
    }

    public boolean isPlaying() {
        return playing;
    }

    public List<Track> queue() {
        return List.copyOf(queue);
    }

    long playedMs() {
        return playedBeforePause + (playing ? clock.getAsLong() - resumedAt : 0);
    }

    private void start() {
        if (position < 0) {
            playing = false;
            return;
        }
        startedAt = clock.getAsLong();
        resumedAt = startedAt;
        playedBeforePause = 0;
        playing = true;
    }

    private void finishCurrent(boolean byUser) throws LibraryException {
        if (position < 0) {
            return;
        }
        long played = playedMs();
        playing = false;
        log.record(queue.get(position), startedAt, played, byUser);
    }
}
