package fermata.core.edit;

import fermata.core.model.MidiTrack;
import fermata.core.model.Project;

import java.util.List;

/** Removes a clip from a MIDI track. */
public record RemoveMidiClip(String trackId, String clipId) implements EditCommand {
    @Override
    public Project apply(Project project) {
        MidiTrack track = project.midiTrack(trackId);
        track.clip(clipId);
        List<fermata.core.model.MidiClip> clips = track.clips().stream().filter(c -> !c.id().equals(clipId)).toList();
        return project.withTrack(trackId, t -> track.withClips(clips));
    }

    @Override
    public String label() {
        return "Delete clip";
    }
}
