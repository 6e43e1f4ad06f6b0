package fermata.core.media;

import fermata.core.error.BadInputException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.ShortPointer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S64;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_packed_sample_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_sample_fmt_is_planar;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/**
 * Decodes any file of the supported containers with FFmpeg (libavformat + libavcodec through the
 * JavaCPP presets), one packet at a time, into planar floats.
 *
 * <p>Only the demuxers of {@link #FORMATS} may open a file, and only through the {@code file}
 * protocol: probing arbitrary bytes against FFmpeg's hundreds of formats would turn a text file
 * into "ANSI art video" instead of a clear error. Integer samples are scaled by {@link PcmScale}
 * here rather than by libswresample, so the result is the same float, to the bit, as the mapped
 * WAV reader gives.
 */
final class FfmpegDecoder implements AudioStream {
    /** FFmpeg demuxer names this project reads. */
    static final String FORMATS = "wav,aiff,flac,mp3,ogg";

    static {
        // FFmpeg logs to stderr from native code; every failure here becomes an exception instead.
        av_log_set_level(AV_LOG_QUIET);
    }

    private final Path file;
    private AVFormatContext format;
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame frame;
    private final int streamIndex;
    private final AudioInfo info;

    private float[][] pending = new float[0][0];
    private int pendingStart;
    private int pendingCount;
    private long framesDecoded;
    private long lastPacketPosition;
    private boolean draining;
    private boolean ended;

    private short[] shorts = new short[0];
    private int[] ints = new int[0];
    private long[] longs = new long[0];
    private float[] floats = new float[0];
    private double[] doubles = new double[0];
    private byte[] bytes = new byte[0];

    private FfmpegDecoder(Path file, AVFormatContext format, int streamIndex, AudioInfo info) {
        this.file = file;
        this.format = format;
        this.streamIndex = streamIndex;
        this.info = info;
    }

    /** Opens the container and reads its header; {@code decode} also opens the codec. */
    static FfmpegDecoder open(Path file, boolean decode) throws BadInputException, IOException {
        AVFormatContext format = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "format_whitelist", FORMATS, 0);
        av_dict_set(options, "protocol_whitelist", "file", 0);
        int result;
        try (BytePointer url = new BytePointer("file:" + file.toAbsolutePath(), StandardCharsets.UTF_8)) {
            result = avformat_open_input(format, url, null, options);
        } finally {
            av_dict_free(options);
        }
        if (result < 0) {
            throw new BadInputException(file, "byte 0", "not an audio file that Fermata reads (" + errorText(result)
                    + ")", "Use WAV, AIFF, FLAC, MP3 or Ogg Vorbis; ffmpeg -i IN OUT.flac converts most others");
        }
        FfmpegDecoder decoder = null;
        try {
            decoder = describe(file, format, decode);
            return decoder;
        } finally {
            if (decoder == null) {
                avformat_close_input(format);
            }
        }
    }

    private static FfmpegDecoder describe(Path file, AVFormatContext format, boolean decode)
            throws BadInputException {
        int result = avformat_find_stream_info(format, (AVDictionary) null);
        if (result < 0) {
            throw new BadInputException(file, "header", "the stream could not be read (" + errorText(result) + ")",
                    "The file is corrupt; re-export it");
        }
        int index = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
        if (index < 0) {
            throw new BadInputException(file, "header", "no audio stream", "Choose a file with sound in it");
        }
        AVStream stream = format.streams(index);
        AVCodecParameters parameters = stream.codecpar();
        int channels = parameters.channels();
        int sampleRate = parameters.sample_rate();
        String where = "stream " + index + " header";
        if (channels < 1 || channels > WavHeader.MAX_CHANNELS) {
            throw new BadInputException(file, where, channels + " channels (1 to " + WavHeader.MAX_CHANNELS
                    + " supported)", "The file is corrupt or unusual; convert it with ffmpeg -i IN -ac 2 OUT.flac");
        }
        if (sampleRate < 1 || sampleRate > WavHeader.MAX_SAMPLE_RATE) {
            throw new BadInputException(file, where, "sample rate " + sampleRate + " Hz (1 to "
                    + WavHeader.MAX_SAMPLE_RATE + " supported)", "The file is corrupt; re-export it");
        }
        String codecName = avcodec_get_name(parameters.codec_id()).getString();
        boolean lengthStated = codecName.startsWith("pcm_") || codecName.equals("flac");
        long frames = frames(stream, sampleRate);
        int bits = parameters.bits_per_raw_sample() > 0 ? parameters.bits_per_raw_sample()
                : codecName.startsWith("pcm_") ? parameters.bits_per_coded_sample() : 0;
        String formatName = format.iformat().name().getString();
        AudioInfo described = new AudioInfo(formatName, codecName, sampleRate, channels, Math.max(frames, 0),
                lengthStated && frames >= 0, bits);
        FfmpegDecoder decoder = new FfmpegDecoder(file, format, index, described);
        if (decode) {
            decoder.openCodec(parameters);
        }
        return decoder;
    }

    /** The stream length in frames from the container, or -1 when it states none. */
    private static long frames(AVStream stream, int sampleRate) {
        AVRational timeBase = stream.time_base();
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() >= 0 && timeBase.den() > 0) {
            return Math.round((double) stream.duration() * timeBase.num() * sampleRate / timeBase.den());
        }
        return -1;
    }

    private void openCodec(AVCodecParameters parameters) throws BadInputException {
        AVCodec decoder = avcodec_find_decoder(parameters.codec_id());
        if (decoder == null) {
            throw new BadInputException(file, "stream " + streamIndex + " header", "no decoder for codec "
                    + info.codec(), "Convert it to FLAC: ffmpeg -i IN OUT.flac");
        }
        codec = avcodec_alloc_context3(decoder);
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        if (codec == null || packet == null || frame == null) {
            freeCodec();
            throw new OutOfMemoryError("FFmpeg could not allocate a decoder");
        }
        int result = avcodec_parameters_to_context(codec, parameters);
        if (result >= 0) {
            result = avcodec_open2(codec, decoder, (AVDictionary) null);
        }
        if (result < 0) {
            freeCodec();
            throw new BadInputException(file, "stream " + streamIndex + " header", "the " + info.codec()
                    + " decoder rejects the stream (" + errorText(result) + ")", "The file is corrupt; re-export it");
        }
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    public int read(float[][] planar, int offset, int frames) throws IOException, BadInputException {
        if (codec == null) {
            throw new IllegalStateException("decoder is closed or opened for probing only");
        }
        int done = 0;
        while (done < frames) {
            if (pendingCount == 0 && !decodeFrame()) {
                break;
            }
            int count = Math.min(pendingCount, frames - done);
            for (int c = 0; c < info.channels(); c++) {
                System.arraycopy(pending[c], pendingStart, planar[c], offset + done, count);
            }
            pendingStart += count;
            pendingCount -= count;
            done += count;
        }
        return done;
    }

    /** Decodes the next non-empty frame into {@code pending}; false at the end of the stream. */
    private boolean decodeFrame() throws IOException, BadInputException {
        while (!ended) {
            int result = avcodec_receive_frame(codec, frame);
            if (result >= 0) {
                if (frame.nb_samples() > 0) {
                    convert();
                    return true;
                }
                continue;
            }
            if (result == AVERROR_EOF()) {
                finish();
                return false;
            }
            if (result != AVERROR_EAGAIN()) {
                throw corrupt(result);
            }
            if (draining) {
                finish();
                return false;
            }
            feedPacket();
        }
        return false;
    }

    private void feedPacket() throws IOException, BadInputException {
        while (true) {
            int result = av_read_frame(format, packet);
            if (result == AVERROR_EOF()) {
                draining = true;
                avcodec_send_packet(codec, null);
                return;
            }
            if (result < 0) {
                long position = format.pb() == null ? -1 : format.pb().pos();
                if (result == AVERROR_INVALIDDATA()) {
                    throw new BadInputException(file, "byte " + position, "corrupt data (" + errorText(result) + ")",
                            "Re-export the file, or keep what decodes with: ffmpeg -i IN OUT.flac");
                }
                throw new IOException(file + ": read failed near byte " + position + ": " + errorText(result));
            }
            try {
                if (packet.stream_index() != streamIndex) {
                    continue;
                }
                lastPacketPosition = packet.pos();
                result = avcodec_send_packet(codec, packet);
            } finally {
                av_packet_unref(packet);
            }
            if (result < 0 && result != AVERROR_EAGAIN()) {
                throw corrupt(result);
            }
            return;
        }
    }

    /** At the end: a container that states its length must have delivered all of it. */
    private void finish() throws BadInputException {
        ended = true;
        if (info.framesExact() && framesDecoded < info.frames()) {
            throw new BadInputException(file, "frame " + framesDecoded, "the file ends after " + framesDecoded
                    + " of the " + info.frames() + " frames its header states (truncated)",
                    "Re-export or re-download it; ffmpeg -i IN OUT.flac keeps the part that is there");
        }
    }

    private BadInputException corrupt(int error) {
        String problem = format.pb() != null && format.pb().eof_reached() != 0
                ? "the file ends in the middle of a " + info.codec() + " frame, after " + framesDecoded
                        + " frames (truncated)"
                : "the " + info.codec() + " data is corrupt (" + errorText(error) + ")";
        return new BadInputException(file, "packet at byte " + lastPacketPosition, problem,
                "Re-export the file, or keep what decodes with: ffmpeg -i IN OUT.flac");
    }

    private void convert() throws BadInputException {
        int count = frame.nb_samples();
        int channels = info.channels();
        if (frame.channels() != channels || frame.sample_rate() != info.sampleRate()) {
            throw new BadInputException(file, "packet at byte " + lastPacketPosition, "the stream changes from "
                    + channels + " channels at " + info.sampleRate() + " Hz to " + frame.channels() + " at "
                    + frame.sample_rate() + " Hz", "Split the file where it changes, or convert it with ffmpeg -i IN -ac "
                    + channels + " -ar " + info.sampleRate() + " OUT.flac");
        }
        if (pending.length != channels || pending[0].length < count) {
            pending = new float[channels][Math.max(count, 4096)];
        }
        int sampleFormat = av_get_packed_sample_fmt(frame.format());
        if (av_sample_fmt_is_planar(frame.format()) != 0) {
            for (int c = 0; c < channels; c++) {
                if (sampleFormat == AV_SAMPLE_FMT_FLT) {
                    new FloatPointer(frame.extended_data(c)).get(pending[c], 0, count);
                } else {
                    load(sampleFormat, frame.extended_data(c), count);
                    scatter(sampleFormat, 0, 1, count, pending[c]);
                }
            }
        } else {
            load(sampleFormat, frame.extended_data(0), count * channels);
            for (int c = 0; c < channels; c++) {
                scatter(sampleFormat, c, channels, count, pending[c]);
            }
        }
        pendingStart = 0;
        pendingCount = count;
        framesDecoded += count;
    }

    /** Copies {@code total} native samples into the scratch array of their type. */
    private void load(int sampleFormat, BytePointer data, int total) throws BadInputException {
        if (sampleFormat == AV_SAMPLE_FMT_FLT) {
            floats = grow(floats, total);
            new FloatPointer(data).get(floats, 0, total);
        } else if (sampleFormat == AV_SAMPLE_FMT_S16) {
            shorts = grow(shorts, total);
            new ShortPointer(data).get(shorts, 0, total);
        } else if (sampleFormat == AV_SAMPLE_FMT_S32) {
            ints = grow(ints, total);
            new IntPointer(data).get(ints, 0, total);
        } else if (sampleFormat == AV_SAMPLE_FMT_U8) {
            bytes = grow(bytes, total);
            data.get(bytes, 0, total);
        } else if (sampleFormat == AV_SAMPLE_FMT_DBL) {
            doubles = grow(doubles, total);
            new DoublePointer(data).get(doubles, 0, total);
        } else if (sampleFormat == AV_SAMPLE_FMT_S64) {
            longs = grow(longs, total);
            new LongPointer(data).get(longs, 0, total);
        } else {
            throw new BadInputException(file, "packet at byte " + lastPacketPosition, "the " + info.codec()
                    + " decoder produced sample format " + sampleFormat + ", which Fermata does not convert",
                    "Convert it to FLAC: ffmpeg -i IN OUT.flac");
        }
    }

    /** Scales every {@code stride}-th loaded sample from {@code first} into {@code out[0 .. count)}. */
    private void scatter(int sampleFormat, int first, int stride, int count, float[] out) {
        if (sampleFormat == AV_SAMPLE_FMT_FLT) {
            for (int i = 0, j = first; i < count; i++, j += stride) {
                out[i] = floats[j];
            }
        } else if (sampleFormat == AV_SAMPLE_FMT_S16) {
            for (int i = 0, j = first; i < count; i++, j += stride) {
                out[i] = shorts[j] * PcmScale.S16;
            }
        } else if (sampleFormat == AV_SAMPLE_FMT_S32) {
            for (int i = 0, j = first; i < count; i++, j += stride) {
                out[i] = PcmScale.s32(ints[j]);
            }
        } else if (sampleFormat == AV_SAMPLE_FMT_U8) {
            for (int i = 0, j = first; i < count; i++, j += stride) {
                out[i] = PcmScale.u8(bytes[j] & 0xFF);
            }
        } else if (sampleFormat == AV_SAMPLE_FMT_DBL) {
            for (int i = 0, j = first; i < count; i++, j += stride) {
                out[i] = (float) doubles[j];
            }
        } else {
            for (int i = 0, j = first; i < count; i++, j += stride) {
                out[i] = PcmScale.s64(longs[j]);
            }
        }
    }

    private static short[] grow(short[] array, int length) {
        return array.length >= length ? array : new short[length];
    }

    private static int[] grow(int[] array, int length) {
        return array.length >= length ? array : new int[length];
    }

    private static long[] grow(long[] array, int length) {
        return array.length >= length ? array : new long[length];
    }

    private static float[] grow(float[] array, int length) {
        return array.length >= length ? array : new float[length];
    }

    private static double[] grow(double[] array, int length) {
        return array.length >= length ? array : new double[length];
    }

    private static byte[] grow(byte[] array, int length) {
        return array.length >= length ? array : new byte[length];
    }

    static String errorText(int error) {
        byte[] text = new byte[128];
        av_strerror(error, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        freeCodec();
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
    }

    private void freeCodec() {
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
    }
}
