package fermata.core.waveform;

import fermata.core.engine.AudioTrackReader;
import fermata.core.engine.MediaClipSources;
import fermata.core.media.PeakCache;
import fermata.core.media.PeakSummary;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;
import fermata.core.project.UserData;
import fermata.core.task.Progress;

import java.nio.file.Path;

/**
 * Where the waveform editor gets audio from: the peak summaries of a media file (from the disk
 * cache, computed when missing) and a reader of what a track plays. A project read from disk holds
 * media paths relative to its file's folder ({@link #setProjectFile}); imported media have absolute
 * paths, which resolve to themselves.
 */
public final class WaveformSources {
    private final PeakCache peaks;
    private final MediaClipSources media;
    private volatile Path projectFolder;

    public WaveformSources(Path peaksFolder, Path audioCacheFolder) {
        this.peaks = new PeakCache(peaksFolder);
        this.media = new MediaClipSources(this::file, audioCacheFolder);
    }

    /** The project file relative media paths are resolved against; null for an unsaved project. */
    public void setProjectFile(Path projectFile) {
        projectFolder = projectFile == null ? null : projectFile.toAbsolutePath().normalize().getParent();
    }

    /** The file a media reference names. */
    public Path file(MediaRef mediaRef) {
        Path path = Path.of(mediaRef.path());
        Path folder = projectFolder;
        return path.isAbsolute() || folder == null ? path.normalize() : folder.resolve(path).normalize();
    }

    /** The user-data peak cache and decoded-audio cache ({@code FERMATA_HOME} honoured). */
    public static WaveformSources forUser() {
        UserData data = UserData.current();
        return new WaveformSources(data.peaks(), data.audioCache());
    }

    /** Slow when not cached: run on a worker. */
    public PeakSummary peaks(MediaRef mediaRef, Progress progress) throws Exception {
        return peaks.get(file(mediaRef), mediaRef.sha256(), progress);
    }

    /** A reader of the track at the project's rate (maps the media; decodes compressed media once into the cache). */
    public AudioTrackReader reader(Project project, String trackId) throws Exception {
        return AudioTrackReader.open(project, trackId, media, media);
    }

    /**
     * Opens a media file as the editor will read it at {@code projectRate}: a compressed file is
     * decoded and a file at another rate resampled, once, into the audio cache. Slow the first
     * time, so an import does it on its worker and the editor's first close-up read is quick.
     */
    public void prepare(MediaRef mediaRef, int projectRate) throws Exception {
        media.convert(media.open(mediaRef), projectRate);
    }

    public PeakCache peakCache() {
        return peaks;
    }
}
