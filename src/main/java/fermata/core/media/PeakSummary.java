package fermata.core.media;

import fermata.core.error.BadInputException;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Minimum, maximum and RMS of an audio file per bucket of 256 and of 65,536 frames, the two
 * levels Audacity keeps, so a waveform view draws any zoom from at most a few values per pixel
 * instead of the samples. An hour of 44.1 kHz stereo costs about 15 MB. Computed block by block
 * from a stream (memory stays bounded), cached on disk by {@link PeakCache}.
 */
public final class PeakSummary {
    public static final int FINE = 256;
    public static final int COARSE = 65_536;
    private static final int MAGIC = 0x46504B31; // "FPK1"
    private static final int BLOCK = 8192;

    /** One level: per channel and bucket, the minimum, maximum and RMS of the bucket's samples. */
    public record Level(int framesPerBucket, float[][] min, float[][] max, float[][] rms) {
        public int buckets() {
            return min.length == 0 ? 0 : min[0].length;
        }

        /**
         * Buckets {@code factor} times wider over a file of {@code frames} frames; RMS from the mean square, each
         * bucket weighed by the frames it holds, so the last, shorter one counts for no more than it covers.
         */
        public Level merge(int factor, long frames) {
            int channels = min.length;
            int merged = (buckets() + factor - 1) / factor;
            float[][] newMin = new float[channels][merged];
            float[][] newMax = new float[channels][merged];
            float[][] newRms = new float[channels][merged];
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < merged; b++) {
                    float lo = Float.POSITIVE_INFINITY;
                    float hi = Float.NEGATIVE_INFINITY;
                    double squares = 0;
                    long counted = 0;
                    for (int k = b * factor; k < Math.min(buckets(), (b + 1) * factor); k++) {
                        long n = Math.min(framesPerBucket, frames - (long) k * framesPerBucket);
                        lo = Math.min(lo, min[c][k]);
                        hi = Math.max(hi, max[c][k]);
                        squares += (double) rms[c][k] * rms[c][k] * n;
                        counted += n;
                    }
                    newMin[c][b] = lo;
                    newMax[c][b] = hi;
                    newRms[c][b] = (float) Math.sqrt(squares / counted);
                }
            }
            return new Level(framesPerBucket * factor, newMin, newMax, newRms);
        }
    }

    private final int sampleRate;
    private final long frames;
    private final Level fine;
    private final Level coarse;

    private PeakSummary(int sampleRate, long frames, Level fine, Level coarse) {
        this.sampleRate = sampleRate;
        this.frames = frames;
        this.fine = fine;
        this.coarse = coarse;
    }

    public int channels() {
        return fine.min().length;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public long frames() {
        return frames;
    }

    public Level fine() {
        return fine;
    }

    public Level coarse() {
        return coarse;
    }

    /** The level to draw from at a zoom: the coarse one once a pixel spans a coarse bucket or more. */
    public Level levelFor(double framesPerPixel) {
        return framesPerPixel >= COARSE ? coarse : fine;
    }

    /** Reads the whole stream once; progress follows the header's length (exact or estimated). */
    public static PeakSummary compute(AudioStream stream, Progress progress)
            throws IOException, BadInputException, CancelledException {
        AudioInfo info = stream.info();
        int channels = info.channels();
        long expected = Math.max(1, info.frames());
        GrowableLevel fineLevel = new GrowableLevel(channels, (int) Math.min(Integer.MAX_VALUE - 8, expected / FINE + 1));
        float[][] block = new float[channels][BLOCK];
        float[] min = new float[channels];
        float[] max = new float[channels];
        double[] squares = new double[channels];
        int inBucket = 0;
        long total = 0;
        int count;
        resetBucket(min, max, squares);
        while ((count = stream.read(block, 0, BLOCK)) > 0) {
            progress.checkCancelled();
            for (int i = 0; i < count; i++) {
                for (int c = 0; c < channels; c++) {
                    float x = block[c][i];
                    min[c] = Math.min(min[c], x);
                    max[c] = Math.max(max[c], x);
                    squares[c] += (double) x * x;
                }
                if (++inBucket == FINE) {
                    fineLevel.add(min, max, squares, inBucket);
                    resetBucket(min, max, squares);
                    inBucket = 0;
                }
            }
            total += count;
            progress.update(Math.min(1, (double) total / expected), "reading peaks");
        }
        if (inBucket > 0) {
            fineLevel.add(min, max, squares, inBucket);
        }
        Level fine = fineLevel.toLevel(FINE);
        return new PeakSummary(info.sampleRate(), total, fine, fine.merge(COARSE / FINE, total));
    }

    private static void resetBucket(float[] min, float[] max, double[] squares) {
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(squares, 0);
    }

    /** Writes the summary in Fermata's peak-file format (version 1). */
    public byte[] toBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(channels());
            out.writeInt(sampleRate);
            out.writeLong(frames);
            for (Level level : new Level[] {fine, coarse}) {
                out.writeInt(level.buckets());
                for (float[][] values : new float[][][] {level.min(), level.max(), level.rms()}) {
                    for (float[] channel : values) {
                        for (float v : channel) {
                            out.writeFloat(v);
                        }
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Reads a peak file, checking every count against the file's length before allocating. */
    public static PeakSummary read(Path file) throws IOException, BadInputException {
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC) {
                throw corrupt(file, "not a Fermata peak file");
            }
            int channels = in.readInt();
            int rate = in.readInt();
            long frames = in.readLong();
            if (channels < 1 || channels > 64 || rate < 1 || frames < 0) {
                throw corrupt(file, "impossible header values");
            }
            Level fine = readLevel(in, file, FINE, channels, size);
            Level coarse = readLevel(in, file, COARSE, channels, size);
            long expectedFine = (frames + FINE - 1) / FINE;
            if (fine.buckets() != expectedFine || coarse.buckets() != (expectedFine + COARSE / FINE - 1) / (COARSE / FINE)) {
                throw corrupt(file, "bucket counts do not match the length");
            }
            return new PeakSummary(rate, frames, fine, coarse);
        } catch (EOFException e) {
            throw corrupt(file, "truncated");
        }
    }

    private static Level readLevel(DataInputStream in, Path file, int framesPerBucket, int channels, long size)
            throws IOException, BadInputException {
        int buckets = in.readInt();
        if (buckets < 0 || (long) buckets * channels * 3 * Float.BYTES > size) {
            throw corrupt(file, "bucket count larger than the file");
        }
        float[][][] values = new float[3][channels][buckets];
        for (float[][] kind : values) {
            for (float[] channel : kind) {
                for (int b = 0; b < buckets; b++) {
                    channel[b] = in.readFloat();
                }
            }
        }
        return new Level(framesPerBucket, values[0], values[1], values[2]);
    }

    private static BadInputException corrupt(Path file, String problem) {
        return new BadInputException(file, null, "peak cache file is damaged: " + problem,
                "Delete it; the peaks are computed again from the audio");
    }

    /** Collects fine buckets, growing when a lossy file's estimated length was short. */
    private static final class GrowableLevel {
        private float[][] min;
        private float[][] max;
        private float[][] rms;
        private int size;

        GrowableLevel(int channels, int capacity) {
            min = new float[channels][Math.max(16, capacity)];
            max = new float[channels][Math.max(16, capacity)];
            rms = new float[channels][Math.max(16, capacity)];
        }

        void add(float[] lo, float[] hi, double[] squares, int frames) {
            if (size == min[0].length) {
                int grown = size * 2;
                for (int c = 0; c < min.length; c++) {
                    min[c] = java.util.Arrays.copyOf(min[c], grown);
                    max[c] = java.util.Arrays.copyOf(max[c], grown);
                    rms[c] = java.util.Arrays.copyOf(rms[c], grown);
                }
            }
            for (int c = 0; c < min.length; c++) {
                min[c][size] = lo[c];
                max[c][size] = hi[c];
                rms[c][size] = (float) Math.sqrt(squares[c] / frames);
            }
            size++;
        }

        Level toLevel(int framesPerBucket) {
            float[][] a = new float[min.length][];
            float[][] b = new float[min.length][];
            float[][] r = new float[min.length][];
            for (int c = 0; c < min.length; c++) {
                a[c] = java.util.Arrays.copyOf(min[c], size);
                b[c] = java.util.Arrays.copyOf(max[c], size);
                r[c] = java.util.Arrays.copyOf(rms[c], size);
            }
            return new Level(framesPerBucket, a, b, r);
        }
    }
}
