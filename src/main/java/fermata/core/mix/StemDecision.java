package fermata.core.mix;

import fermata.core.model.MixerSettings;

import java.util.List;

/**
 * Everything automix decided for one stem: its role and the channel strip that realises the rest.
 *
 * @param roleReason why this role (the name, or the measured content), or "set by the user"
 * @param inputLufs the stem's integrated loudness as given
 * @param mixLufs its loudness in the mix after inserts, fader and pan (before the master)
 * @param mixer fader, pan and inserts (high-pass, EQ, compressor) as the project stores them
 * @param decisions each setting with its reason, in the order the inserts run
 */
public record StemDecision(String trackId, String name, StemRole role, String roleReason, double inputLufs,
                           double mixLufs, MixerSettings mixer, List<Decision> decisions) {
    public StemDecision {
        decisions = List.copyOf(decisions);
    }
}
