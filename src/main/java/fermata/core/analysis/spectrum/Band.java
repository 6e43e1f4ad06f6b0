package fermata.core.analysis.spectrum;

/** A frequency band's level: dB relative to a full-scale sine's power. */
public record Band(double centreHz, double lowHz, double highHz, double levelDb) {
}
