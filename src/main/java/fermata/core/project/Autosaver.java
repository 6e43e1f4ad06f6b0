package fermata.core.project;

import fermata.core.model.Project;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes a recovery copy of the open project while it has unsaved changes, at most once per
 * interval, and removes the copy once the project is saved. {@link #tick()} does one check; a
 * scheduler calls it ({@link #start}), tests call it directly with their own clock.
 */
public final class Autosaver {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    /** How often {@link #start} checks; a change is written at most this long after the interval allows. */
    static final Duration CHECK_PERIOD = Duration.ofSeconds(5);

    /**
     * What the autosaver sees of the editor.
     *
     * @param projectFile the file the project was opened from or saved to; null when never saved
     * @param dirty true when the project has changes since it was opened or saved
     */
    public record State(Project project, Path projectFile, boolean dirty) {
    }

    private final Supplier<State> source;
    private final Recovery recovery;
    private final Clock clock;
    private final Duration interval;
    private final String session = UUID.randomUUID().toString();
    private Instant lastWriteAt;
    private Project lastWritten;
    private Path lastRecoveryFile;

    /**
     * @param source the editor's current state; called from the scheduler's thread, so it must be
     *     safe to call from there (read a volatile or an atomic reference)
     */
    public Autosaver(Supplier<State> source, Recovery recovery, Clock clock, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("autosave interval must be positive, was " + interval);
        }
        this.source = source;
        this.recovery = recovery;
        this.clock = clock;
        this.interval = interval;
        this.lastWriteAt = clock.instant();
    }

    public Autosaver(Supplier<State> source, Recovery recovery) {
        this(source, recovery, Clock.systemUTC(), DEFAULT_INTERVAL);
    }

    /** Checks every {@link #CHECK_PERIOD} on {@code scheduler}; failures go to {@code onFailure} and checking goes on. */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Consumer<Exception> onFailure) {
        long period = Math.min(CHECK_PERIOD.toMillis(), interval.toMillis());
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (Exception e) {
                // Thrown out of a scheduled task it would silently end the schedule: report and keep going.
                onFailure.accept(e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * One check: writes a recovery copy when the project has unsaved changes not yet in a copy and
     * the interval has passed since the last copy; deletes the copy when the project is clean.
     *
     * @return the recovery file written, if one was
     */
    public synchronized Optional<Path> tick() throws IOException {
        State state = source.get();
        Path target = state.projectFile() == null
                ? recovery.fileForUntitled(state.project().name(), session)
                : recovery.fileFor(state.projectFile());
        if (lastRecoveryFile != null && (!state.dirty() || !lastRecoveryFile.equals(target))) {
            recovery.discard(lastRecoveryFile);
            lastRecoveryFile = null;
            lastWritten = null;
        }
        // Identity, not equals: every edit makes a new Project, and equals would compare every note.
        if (!state.dirty() || state.project() == lastWritten) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (Duration.between(lastWriteAt, now).compareTo(interval) < 0) {
            return Optional.empty();
        }
        recovery.write(state.project(), state.projectFile(), target);
        lastWriteAt = now;
        lastWritten = state.project();
        lastRecoveryFile = target;
        return Optional.of(target);
    }
}
