package fermata.core.edit;

import fermata.core.model.Instrument;
import fermata.core.model.Project;

/** Sets a MIDI track's program, bank and channel. */
public record SetInstrument(String trackId, Instrument instrument) implements EditCommand {
    @Override
    public Project apply(Project project) {
        return project.withTrack(trackId, t -> project.midiTrack(trackId).withInstrument(instrument));
    }

    @Override
    public String label() {
        return "Change instrument";
    }
}
