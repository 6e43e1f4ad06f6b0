package fermata.core.mix;

import fermata.core.model.MixerSettings;

import java.util.List;

/**
 * The master bus automix set (glue compressor, tonal EQ, width, loudness gain, true-peak limiter)
 * and what the result measured.
 */
public record MasterDecision(MixerSettings mixer, List<Decision> decisions, double integratedLufs,
                             double truePeakDbtp) {
    public MasterDecision {
        decisions = List.copyOf(decisions);
    }
}
