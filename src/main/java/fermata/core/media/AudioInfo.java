package fermata.core.media;

/**
 * What an audio file holds, as far as decoding it needs to know.
 *
 * @param formatName container as FFmpeg names it: "wav", "aiff", "flac", "mp3", "ogg"
 * @param codec codec as FFmpeg names it: "pcm_s16le", "pcm_f32le", "flac", "mp3", "vorbis", ...
 * @param sampleRate frames per second
 * @param channels channel count, 1..64
 * @param frames length in sample frames; exact when {@code framesExact}, else an estimate
 *               (from a bit rate or a last timestamp) that decoding may contradict by a few frames
 * @param framesExact whether the container states the length (PCM, FLAC with STREAMINFO)
 * @param bitsPerSample stored resolution of PCM and FLAC; 0 for lossy codecs, which have none
 */
public record AudioInfo(String formatName, String codec, int sampleRate, int channels, long frames,
                        boolean framesExact, int bitsPerSample) {

    public double durationSeconds() {
        return (double) frames / sampleRate;
    }
}
