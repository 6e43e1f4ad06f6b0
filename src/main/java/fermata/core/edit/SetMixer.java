package fermata.core.edit;

import fermata.core.model.MixerSettings;
import fermata.core.model.Project;

/**
 * Sets a channel strip: fader, pan, mute, solo, inserts. A null track id means the master bus.
 * Automix results arrive as a compound of these.
 */
public record SetMixer(String trackId, MixerSettings mixer, String description) implements EditCommand {
    public SetMixer(String trackId, MixerSettings mixer) {
        this(trackId, mixer, "Change mixer");
    }

    public static SetMixer master(MixerSettings mixer) {
        return new SetMixer(null, mixer, "Change master");
    }

    @Override
    public Project apply(Project project) {
        if (trackId == null) {
            return project.withMaster(mixer);
        }
        return project.withTrack(trackId, t -> t.withMixer(mixer));
    }

    @Override
    public String label() {
        return description;
    }
}
