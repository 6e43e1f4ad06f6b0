package fermata.core.waveform;

import fermata.core.edit.AddAudioClip;
import fermata.core.edit.AddTrack;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.EditCommand;
import fermata.core.error.BadInputException;
import fermata.core.media.AudioFiles;
import fermata.core.media.AudioInfo;
import fermata.core.media.PeakCache;
import fermata.core.media.PeakSummary;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.Ids;
import fermata.core.model.MediaRef;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.project.MediaHashCache;
import fermata.core.project.UserData;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import fermata.core.task.TaskExecutor;
import fermata.core.task.TaskHandle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Imports audio files as clips: the service behind the studio's Import Audio menu and file drops.
 * On a worker it probes and hashes the file and computes its peak summaries (or loads them from
 * the user-data peak cache, so a reopened project draws at once), reporting progress; back on the
 * UI thread, {@link #command} turns the result into one undoable edit that adds the clip (and an
 * audio track when none is given).
 *
 * <pre>{@code
 * TaskHandle<Imported> h = importer.submit(executor, file, positionFrame);
 * // progress: h.fraction(), h.message(); on success, on the FX thread:
 * history.execute(AudioImporter.command(history.current(), trackIdOrNull, h.result().join()));
 * }</pre>
 */
public final class AudioImporter {
    /** A file ready to be placed: its media reference, a clip of the whole file, its peaks. */
    public record Imported(MediaRef media, AudioClip clip, PeakSummary peaks, String name) {
    }

    private final PeakCache peaks;

    public AudioImporter(PeakCache peaks) {
        this.peaks = peaks;
    }

    /** An importer caching peaks in the user-data folder ({@code FERMATA_HOME} honoured). */
    public static AudioImporter forUser() {
        return new AudioImporter(new PeakCache(UserData.current().peaks()));
    }

    /**
     * Reads what the clip needs; slow (hash, decode for peaks), so run it on a worker.
     *
     * @param positionFrame where the clip will start, in project frames
     */
    public Imported prepare(Path file, long positionFrame, Progress progress)
            throws IOException, BadInputException, CancelledException {
        Path absolute = file.toAbsolutePath().normalize();
        progress.update(0, "reading " + absolute.getFileName());
        AudioInfo info = AudioFiles.probe(absolute);
        if (info.frames() < 1) {
            throw new BadInputException(absolute, "the audio stream", "the file holds no audio frames",
                    "import a file with sound in it");
        }
        HashAndPeaks both = hashWhileComputingPeaks(absolute, progress.slice(0.05, 0.95));
        String sha = both.sha256();
        PeakSummary summary = both.peaks();
        String mediaId = Ids.fresh("media", Set.of());
        MediaRef media = new MediaRef(mediaId, absolute.toString(), sha, info.frames(), info.sampleRate(),
                info.channels());
        AudioClip clip = new AudioClip(Ids.fresh("clip", Set.of()), mediaId, positionFrame, info.frames());
        progress.update(1, "imported " + absolute.getFileName());
        return new Imported(media, clip, summary, baseName(absolute));
    }

    private record HashAndPeaks(String sha256, PeakSummary peaks) {
    }

    /**
     * The file's SHA-256 and its peaks. A new file must be both hashed
     * and decoded, so the two run side by side (the hash on a second thread) rather than one after
     * the other; when the hash turns out to have peaks in the cache already, decoding stops and the
     * cached summary is read instead.
     */
    private HashAndPeaks hashWhileComputingPeaks(Path file, Progress progress)
            throws IOException, BadInputException, CancelledException {
        java.util.concurrent.atomic.AtomicBoolean alreadyCached = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<String> hash = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                String digest = MediaHashCache.shared().sha256(file);
                alreadyCached.set(java.nio.file.Files.isRegularFile(peaks.fileFor(digest)));
                return digest;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, HASH_THREAD);
        Progress stopWhenCached = new Progress() {
            @Override
            public void update(double fraction, String message) {
                progress.update(fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled() || alreadyCached.get();
            }
        };
        PeakSummary summary = null;
        try (fermata.core.media.AudioStream stream = AudioFiles.open(file)) {
            summary = PeakSummary.compute(stream, stopWhenCached);
        } catch (CancelledException e) {
            if (progress.isCancelled()) {
                throw e;
            }
        }
        String sha;
        try {
            sha = hash.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        if (summary == null || alreadyCached.get()) {
            summary = peaks.get(file, sha, progress);
        } else {
            peaks.put(sha, summary);
        }
        return new HashAndPeaks(sha, summary);
    }

    private static final java.util.concurrent.Executor HASH_THREAD = task -> {
        Thread t = new Thread(task, "fermata-hash");
        t.setDaemon(true);
        t.start();
    };

    /** Runs {@link #prepare} through {@code executor}; the handle carries progress and the result. */
    public TaskHandle<Imported> submit(TaskExecutor executor, Path file, long positionFrame) {
        return executor.submit("Import " + file.getFileName(), progress -> prepare(file, positionFrame, progress));
    }

    /**
     * The undoable edit that places an imported file: on track {@code trackId}, or on a new audio
     * track named after the file when {@code trackId} is null. Media the project already holds
     * (same content hash) are reused rather than listed twice.
     */
    public static EditCommand command(Project project, String trackId, Imported imported) {
        MediaRef media = imported.media();
        AudioClip clip = imported.clip();
        for (MediaRef m : project.media()) {
            if (m.sha256().equals(media.sha256()) && m.frames() == media.frames()) {
                media = m;
                clip = new AudioClip(clip.id(), m.id(), clip.positionFrame(), clip.lengthFrames());
                break;
            }
        }
        if (trackId != null) {
            return new AddAudioClip(trackId, clip, media);
        }
        AudioTrack track = new AudioTrack(Ids.fresh("track", Set.of()), imported.name(), MixerSettings.UNITY, List.of());
        return new CompoundEdit("Import " + imported.name(), List.of(new AddTrack(track, project.tracks().size()),
                new AddAudioClip(track.id(), clip, media)));
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
