package fermata.core.edit;

import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/** Adds a clip to a MIDI track. */
public record AddMidiClip(String trackId, MidiClip clip) implements EditCommand {
    @Override
    public Project apply(Project project) {
        MidiTrack track = project.midiTrack(trackId);
        for (MidiClip c : track.clips()) {
            if (c.id().equals(clip.id())) {
                throw new IllegalArgumentException("track " + trackId + " already has a clip " + clip.id());
            }
        }
        List<MidiClip> clips = new ArrayList<>(track.clips());
        clips.add(clip);
        return project.withTrack(trackId, t -> track.withClips(clips));
    }

    @Override
    public String label() {
        return "Add clip";
    }
}
