package fermata.core.edit;

import fermata.core.model.AudioClip;
import fermata.core.model.MediaRef;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/**
 * Inserts copied audio at {@code at}: a gap of the clipboard's length is opened there (as
 * {@link InsertAudioSilence}) and filled with fresh copies of its clips; media the project lacks
 * are added to it.
 */
public record PasteAudio(String trackId, long at, AudioClipboard clipboard) implements EditCommand {
    @Override
    public Project apply(Project project) {
        Project opened = new InsertAudioSilence(trackId, at, clipboard.lengthFrames()).apply(project);
        List<MediaRef> media = new ArrayList<>(opened.media());
        for (MediaRef m : clipboard.media()) {
            if (opened.mediaById(m.id()).isEmpty()) {
                media.add(m);
            }
        }
        Project withMedia = media.size() == opened.media().size() ? opened : opened.withMedia(media);
        AudioRanges r = new AudioRanges(withMedia, trackId);
        List<AudioClip> clips = new ArrayList<>(r.track().clips());
        for (AudioClip c : clipboard.clips()) {
            clips.add(c.withId(r.freshId()).withPosition(at + c.positionFrame()));
        }
        return r.with(clips, r.track().markers());
    }

    @Override
    public String label() {
        return "Paste audio";
    }
}
