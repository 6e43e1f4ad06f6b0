package fermata.core.engine;

import fermata.core.error.BadInputException;
import fermata.core.media.AudioFiles;
import fermata.core.media.AudioStream;
import fermata.core.media.Resampler;
import fermata.core.media.WavFile;
import fermata.core.media.WavWriter;
import fermata.core.model.MediaRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Audio clip samples from the media package. The audio thread needs random access without I/O
 * or allocation, so every clip plays from a memory-mapped WAV: the media file itself when it is a
 * WAV at the engine's rate, otherwise a float WAV decoded (and resampled with the media package's
 * band-limited resampler) once into a cache folder, named by content hash and rate so it is
 * reused across renders and sessions, the way Audacity imports compressed audio.
 */
public final class MediaClipSources implements ClipSourceProvider, SampleRateConverter {
    private static final int BLOCK = 8192;

    private final Function<MediaRef, Path> resolve;
    private final Path cacheFolder;

    /**
     * @param resolve where a media reference's file is (the project's folder resolves relative paths)
     * @param cacheFolder where decoded and resampled copies are kept
     */
    public MediaClipSources(Function<MediaRef, Path> resolve, Path cacheFolder) {
        this.resolve = resolve;
        this.cacheFolder = cacheFolder;
    }

    @Override
    public ClipSource open(MediaRef media) throws IOException, BadInputException {
        Path file = resolve.apply(media);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "media " + media.id(), "the audio file of this clip is missing",
                    "Locate it (File > Locate missing media) or restore it");
        }
        if (isWav(file)) {
            return new MappedSource(WavFile.map(file), media.sha256());
        }
        Path decoded = cacheFolder.resolve(media.sha256() + ".wav");
        if (!Files.isRegularFile(decoded)) {
            Files.createDirectories(cacheFolder);
            AudioFiles.convertToWav(file, decoded, 32, null);
        }
        return new MappedSource(WavFile.map(decoded), media.sha256());
    }

    @Override
    public ClipSource convert(ClipSource source, int targetRate) throws EngineException {
        if (source.sampleRate() == targetRate) {
            return source;
        }
        if (!(source instanceof MappedSource mapped)) {
            throw new EngineException("only media opened through MediaClipSources can be resampled");
        }
        Path resampled = cacheFolder.resolve(mapped.key() + "-" + targetRate + ".wav");
        try {
            if (!Files.isRegularFile(resampled)) {
                Files.createDirectories(cacheFolder);
                resample(mapped, targetRate, resampled);
            }
            return new MappedSource(WavFile.map(resampled), mapped.key());
        } catch (IOException | BadInputException e) {
            throw new EngineException("could not resample " + mapped.file().file() + " to " + targetRate + " Hz: "
                    + e.getMessage(), e);
        }
    }

    private static void resample(MappedSource source, int targetRate, Path target) throws IOException {
        int channels = source.channels();
        try (Resampler resampler = new Resampler(channels, source.sampleRate(), targetRate);
             WavWriter out = WavWriter.create(target, targetRate, channels, WavWriter.Encoding.FLOAT_32)) {
            float[][] in = new float[channels][BLOCK];
            float[][] buffer = new float[channels][resampler.maxOutputFrames(BLOCK)];
            for (long at = 0; at < source.frames(); at += BLOCK) {
                int count = (int) Math.min(BLOCK, source.frames() - at);
                source.read(at, in, 0, count);
                int ready = resampler.process(in, 0, count, buffer, 0);
                out.write(buffer, 0, ready);
            }
            float[][] tail = resampler.finish();
            out.write(tail, 0, tail.length == 0 ? 0 : tail[0].length);
            out.commit();
        }
    }

    private static boolean isWav(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".wav") || name.endsWith(".wave");
    }

    /** A memory-mapped WAV read with silence outside its frames, as {@link ClipSource} asks. */
    private record MappedSource(WavFile file, String key) implements ClipSource {
        @Override
        public int channels() {
            return file.channels();
        }

        @Override
        public int sampleRate() {
            return file.sampleRate();
        }

        @Override
        public long frames() {
            return file.frames();
        }

        @Override
        public void read(long start, float[][] dest, int offset, int count) {
            long from = Math.max(0, start);
            long to = Math.min(file.frames(), start + count);
            int channels = Math.min(dest.length, file.channels());
            if (to <= from) {
                for (int c = 0; c < channels; c++) {
                    java.util.Arrays.fill(dest[c], offset, offset + count, 0f);
                }
                return;
            }
            int lead = (int) (from - start);
            int body = (int) (to - from);
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(dest[c], offset, offset + lead, 0f);
                java.util.Arrays.fill(dest[c], offset + lead + body, offset + count, 0f);
            }
            file.read(from, dest, offset + lead, body);
        }
    }
}
