package fermata.core.edit;

import fermata.core.model.Project;

/**
 * Trims an audio clip to another part of its media. Trimming the start moves the clip's position
 * by the same amount so the audio that stays does not move in time.
 */
public record TrimAudioClip(String trackId, String clipId, long newSourceOffset, long newLength)
        implements EditCommand {
    @Override
    public Project apply(Project project) {
        return AudioEdits.changeClip(project, trackId, clipId, c -> {
            var media = project.mediaById(c.mediaId())
                    .orElseThrow(() -> new IllegalArgumentException("clip " + clipId + " plays unknown media " + c.mediaId()));
            if (newSourceOffset < 0 || newLength < 1 || newSourceOffset + newLength > media.frames()) {
                throw new IllegalArgumentException("trim " + newSourceOffset + "+" + newLength
                        + " is outside the media's " + media.frames() + " frames");
            }
            long shiftMediaFrames = newSourceOffset - c.sourceOffsetFrame();
            long shiftProjectFrames = Math.round((double) shiftMediaFrames * project.sampleRate() / media.sampleRate());
            long position = c.positionFrame() + shiftProjectFrames;
            if (position < 0) {
                throw new IllegalArgumentException("trim would move the clip before the start of the song");
            }
            return c.withSourceRange(newSourceOffset, newLength).withPosition(position);
        });
    }

    @Override
    public String label() {
        return "Trim audio clip";
    }
}
