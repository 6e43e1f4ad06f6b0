package fermata.core.mix;

import fermata.core.edit.CompoundEdit;
import fermata.core.edit.EditCommand;
import fermata.core.edit.SetMixer;
import fermata.core.model.MixerSettings;
import fermata.core.model.Project;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The whole automix: a decision per stem and for the master, each a mixer setting the user can change. */
public record MixPlan(String presetName, double targetLufs, double ceilingDbtp, Optional<String> reference,
                      List<StemDecision> stems, MasterDecision master) {
    public MixPlan {
        stems = List.copyOf(stems);
    }

    public Optional<StemDecision> stem(String trackId) {
        return stems.stream().filter(s -> s.trackId().equals(trackId)).findFirst();
    }

    /**
     * One undoable command that applies the plan to {@code project}: a {@link SetMixer} per stem whose
     * track is in the project (fader, pan and inserts replaced; mute and solo kept as the user set
     * them) and one for the master.
     */
    public EditCommand toEdit(Project project) {
        List<EditCommand> commands = new ArrayList<>();
        for (StemDecision s : stems) {
            if (project.indexOfTrack(s.trackId()) < 0) {
                continue;
            }
            Track track = project.track(s.trackId());
            MixerSettings now = track.mixer();
            commands.add(new SetMixer(s.trackId(), new MixerSettings(s.mixer().gainDb(), s.mixer().pan(), now.mute(),
                    now.solo(), s.mixer().inserts()), "Automix " + track.name()));
        }
        MixerSettings master = project.master();
        commands.add(new SetMixer(null, new MixerSettings(master().mixer().gainDb(), 0, master.mute(), false,
                master().mixer().inserts()), "Automix master"));
        return new CompoundEdit("Automix (" + presetName + ")", commands);
    }
}
