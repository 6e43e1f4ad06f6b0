package fermata.core.engine;

/**
 * Constant-power panning, -3 dB at centre: left = cos(theta), right = sin(theta) with theta
 * from 0 (hard left) to pi/2 (hard right). The sum of the two powers is 1 at every position, so a
 * source keeps its loudness as it moves. A stereo source is balanced with the same two gains.
 */
public final class PanLaw {
    private PanLaw() {
    }

    public static double left(double pan) {
        return Math.cos((pan + 1) * Math.PI / 4);
    }

    public static double right(double pan) {
        return Math.sin((pan + 1) * Math.PI / 4);
    }
}
