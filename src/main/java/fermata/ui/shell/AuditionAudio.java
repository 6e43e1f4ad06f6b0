package fermata.ui.shell;

import fermata.core.media.WavWriter;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Rendered audio (the A or B of the mix panel's comparison) made playable by the engine: written
 * to a scratch WAV in the audio cache and wrapped as the only clip of a throw-away project, which
 * {@link TransportViewModel#preview} plays until Stop. The song is never touched.
 */
final class AuditionAudio {
    private AuditionAudio() {
    }

    /** Writes {@code samples} (planar) to {@code folder}/{@code name}.wav and returns a project that plays it. */
    static Project write(Path folder, String name, float[][] samples, int sampleRate, Project song) throws IOException {
        Files.createDirectories(folder);
        Path wav = folder.resolve(name + ".wav").toAbsolutePath();
        int frames = samples[0].length;
        try (WavWriter out = WavWriter.create(wav, sampleRate, samples.length, WavWriter.Encoding.FLOAT_32)) {
            out.write(samples, 0, frames);
            out.commit();
        }
        // A scratch file gets an identity of its own, never a real content hash: it is never saved.
        MediaRef media = new MediaRef("audition-" + name, wav.toString(), identity(wav, frames), frames, sampleRate,
                samples.length);
        AudioTrack track = new AudioTrack("audition", "Audition " + name, MixerSettings.UNITY,
                List.of(new AudioClip("audition-clip", media.id(), 0, frames)));
        return song.withSampleRate(sampleRate).withTracks(List.of(track)).withMedia(List.of(media))
                .withMaster(MixerSettings.UNITY);
    }

    private static String identity(Path wav, long frames) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((wav + "#" + frames + "#" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
