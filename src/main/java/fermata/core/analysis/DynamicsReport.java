package fermata.core.analysis;

/**
 * Dynamics and level hygiene.
 *
 * @param crestFactorDb sample peak over RMS of all channels, dB
 * @param plrDb peak-to-loudness ratio: true peak minus integrated loudness
 * @param psrDb peak-to-short-term-loudness ratio: true peak minus the loudest 3 s
 * @param dcOffsets mean sample value per channel
 */
public record DynamicsReport(double crestFactorDb, double plrDb, double psrDb, double[] dcOffsets) {
    public DynamicsReport {
        dcOffsets = dcOffsets.clone();
    }

    @Override
    public double[] dcOffsets() {
        return dcOffsets.clone();
    }
}
