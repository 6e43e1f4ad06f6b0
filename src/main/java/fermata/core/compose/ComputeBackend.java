package fermata.core.compose;

import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * Which ND4J backend runs the models. The backend is fixed by the build (nd4j-native by default,
 * {@code -Pcuda} for nd4j-cuda): ND4J loads whichever is on the class path, so a CUDA request in a
 * CPU build, or on a machine without a usable GPU, runs on the CPU and says so.
 *
 * @param name "CPU" or "CUDA"
 * @param detail ND4J's backend class and, when known, the devices and threads
 * @param notice a message for the user when the request could not be met, else null
 */
public record ComputeBackend(String name, String detail, String notice) {

    /** The backend in use, and a notice when {@code cudaRequested} but it is not CUDA. */
    public static ComputeBackend select(boolean cudaRequested) {
        String backendClass = Nd4j.getBackend().getClass().getSimpleName();
        boolean cuda = backendClass.toLowerCase(Locale.ROOT).contains("cu");
        String name = cuda ? "CUDA" : "CPU";
        String detail = backendClass + ", " + Runtime.getRuntime().availableProcessors() + " processors";
        String notice = cudaRequested && !cuda
                ? "CUDA was requested but this build carries only the CPU backend (or no usable GPU was found); using the CPU. "
                        + "Build with 'mvn -Pcuda package' on a machine with CUDA 11.6 to train on a GPU"
                : null;
        return new ComputeBackend(name, detail, notice);
    }

    /**
     * Caps the threads ND4J and its BLAS use. On a machine shared with other busy processes, one
     * thread trains several times faster than many: OpenMP workers spin while they wait for a core.
     */
    public static void limitThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    @Override
    public String toString() {
        return name + " (" + detail + ")";
    }
}
