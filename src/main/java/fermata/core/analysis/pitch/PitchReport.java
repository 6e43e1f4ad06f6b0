package fermata.core.analysis.pitch;

import java.util.List;

/**
 * Pitch of monophonic material.
 *
 * @param monophonic whether the material looked like one voice (see {@link PitchTracker}); the
 *     other figures are meaningful only when it did
 * @param voicedFraction share of the sounding frames with a clear pitch
 */
public record PitchReport(boolean monophonic, double voicedFraction, double minHz, double maxHz, double medianHz,
                          List<PitchPoint> contour) {
    public PitchReport {
        contour = List.copyOf(contour);
    }
}
