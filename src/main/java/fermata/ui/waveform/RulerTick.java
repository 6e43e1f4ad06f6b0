package fermata.ui.waveform;

/** One mark of the time ruler: its x in pixels, its label (empty for minor marks), major or minor. */
public record RulerTick(double x, String label, boolean major) {
}
