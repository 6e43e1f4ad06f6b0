package fermata.core.analysis;

import fermata.core.analysis.advice.Advice;
import fermata.core.analysis.loudness.LoudnessResult;
import fermata.core.analysis.pitch.PitchReport;
import fermata.core.analysis.rhythm.RhythmReport;
import fermata.core.analysis.spectrum.SpectrumReport;
import fermata.core.analysis.spectrum.StereoReport;
import fermata.core.analysis.tonal.TonalReport;

import java.util.List;

/**
 * Everything {@link Analyzer} finds in a piece of audio; {@link AnalysisJson} writes it with stable
 * keys.
 *
 * @param pitch present only for monophonic material ({@link PitchReport#monophonic()}), else null
 * @param stereo null for mono material
 * @param advice ranked, most urgent first
 * @param timelines loudness and chroma over time, for plots (not in the JSON)
 */
public record AnalysisReport(double durationSeconds, int sampleRate, int channels, LoudnessResult loudness,
                             RhythmReport rhythm, TonalReport tonal, PitchReport pitch, SpectrumReport spectrum,
                             StereoReport stereo, DynamicsReport dynamics, List<Advice> advice,
                             Timelines timelines) {
    public AnalysisReport {
        advice = List.copyOf(advice);
    }
}
