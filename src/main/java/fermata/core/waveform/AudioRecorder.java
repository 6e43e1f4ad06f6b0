package fermata.core.waveform;

import fermata.core.edit.AddAudioClip;
import fermata.core.edit.EditCommand;
import fermata.core.media.WavWriter;
import fermata.core.model.AudioClip;
import fermata.core.model.Ids;
import fermata.core.model.MediaRef;
import fermata.core.project.MediaHashCache;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records an {@link AudioInput} into a new float WAV take and places it as a clip: run
 * {@link #record} as a job on a worker, call {@link #stop} from the UI to finish it (the take is
 * kept), or cancel the job to discard it (the file is deleted). The take is written beside its
 * final name and renamed when complete, so a crash never leaves half a file under that name.
 */
public final class AudioRecorder {
    private static final int BLOCK = 1024;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** A finished take: its file, the media reference and a clip of all of it. */
    public record Take(Path file, MediaRef media, AudioClip clip) {
        /** The edit that places the take on an audio track. */
        public EditCommand command(String trackId) {
            return new AddAudioClip(trackId, clip, media);
        }
    }

    private final AtomicBoolean stopped = new AtomicBoolean();

    /** Ends the recording after the block being read; {@link #record} then returns the take. */
    public void stop() {
        stopped.set(true);
    }

    /**
     * Records until {@link #stop}, the end of the input or cancellation.
     *
     * @param folder where takes are kept (created if needed)
     * @param positionFrame where the clip starts, in project frames
     * @throws CancelledException when the job was cancelled; nothing is kept
     */
    public Take record(AudioInput input, Path folder, long positionFrame, Progress progress)
            throws IOException, CancelledException {
        Files.createDirectories(folder);
        Path file = folder.resolve("take-" + LocalDateTime.now().format(NAME) + "-"
                + Long.toString(System.nanoTime() & 0xFFFFF, 36) + ".wav");
        float[][] block = new float[input.channels()][BLOCK];
        long frames = 0;
        try (input; WavWriter out = WavWriter.create(file, input.sampleRate(), input.channels(),
                WavWriter.Encoding.FLOAT_32)) {
            while (!stopped.get()) {
                progress.checkCancelled();
                int n = input.read(block, BLOCK);
                if (n < 0) {
                    break;
                }
                out.write(block, 0, n);
                frames += n;
                progress.update(-1, String.format(Locale.ROOT, "recording %.1f s", (double) frames / input.sampleRate()));
            }
            if (frames == 0) {
                throw new IOException("the input delivered no audio; check that the input device is connected");
            }
            out.commit();
        }
        String mediaId = Ids.fresh("media", Set.of());
        MediaRef media = new MediaRef(mediaId, file.toAbsolutePath().toString(), MediaHashCache.digest(file), frames,
                input.sampleRate(), input.channels());
        AudioClip clip = new AudioClip(Ids.fresh("clip", Set.of()), mediaId, positionFrame, frames);
        return new Take(file, media, clip);
    }
}
