/**
 * Audio files: decoding (FFmpeg through JavaCPP) with {@link fermata.core.media.AudioFiles},
 * random frame access to WAV with {@link fermata.core.media.WavFile}, atomic WAV export with
 * {@link fermata.core.media.WavWriter}, and sample-rate conversion with
 * {@link fermata.core.media.Resampler}. See docs/decisions/0020-audio-io.md.
 */
package fermata.core.media;
