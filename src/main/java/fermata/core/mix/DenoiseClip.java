package fermata.core.mix;

import fermata.core.edit.AddAudioClip;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.EditCommand;
import fermata.core.edit.RemoveAudioClip;
import fermata.core.error.BadInputException;
import fermata.core.media.AudioFiles;
import fermata.core.media.DecodedAudio;
import fermata.core.media.WavWriter;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Denoise of an audio clip, non-destructively: the clip's media is denoised into a new float WAV
 * beside the other processed media, and one undoable command swaps the clip for one that plays
 * the new file at the same place, offset and length. The original file is never touched, so undo
 * brings the noisy clip back.
 */
public final class DenoiseClip {
    private static final double MAX_SECONDS = 3 * 3600;

    private DenoiseClip() {
    }

    /** What the denoise made: the command to execute and the report. */
    public record Outcome(EditCommand edit, MediaRef media, Denoiser.Report report) {
    }

    public static Outcome denoise(Project project, String trackId, String clipId, Function<MediaRef, Path> resolve,
                                  Path folder, DenoiseSettings settings, Progress progress)
            throws IOException, BadInputException, CancelledException {
        AudioTrack track = project.audioTrack(trackId);
        AudioClip clip = track.clip(clipId);
        MediaRef source = project.mediaById(clip.mediaId()).orElseThrow(() -> new IllegalArgumentException(
                "clip " + clipId + " plays media " + clip.mediaId() + " which the project does not list"));
        Path file = resolve.apply(source);
        progress.update(0, "reading " + file.getFileName());
        DecodedAudio audio = AudioFiles.readAll(file, MAX_SECONDS);
        Denoiser.Result result = Denoiser.denoise(audio.samples(), audio.sampleRate(), null, settings,
                progress.slice(0.05, 0.85));
        Files.createDirectories(folder);
        Path target = folder.resolve(source.sha256() + "-denoised-" + Math.round(settings.reductionDb()) + "db.wav");
        try (WavWriter out = WavWriter.create(target, audio.sampleRate(), audio.channels(), WavWriter.Encoding.FLOAT_32)) {
            out.write(result.samples(), 0, audio.frames());
            out.commit();
        }
        MediaRef media = new MediaRef(source.id() + "-dn", target.toAbsolutePath().toString(), sha256(target),
                audio.frames(), audio.sampleRate(), audio.channels());
        AudioClip replacement = new AudioClip(clip.id() + "-dn", media.id(), clip.positionFrame(), clip.sourceOffsetFrame(),
                Math.min(clip.lengthFrames(), media.frames() - clip.sourceOffsetFrame()), clip.gainDb(),
                clip.fadeInFrames(), clip.fadeOutFrames());
        EditCommand edit = new CompoundEdit("Denoise " + track.name(), List.of(new RemoveAudioClip(trackId, clipId),
                new AddAudioClip(trackId, replacement, media)));
        progress.update(1, "denoised");
        return new Outcome(edit, media, result.report());
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
