package fermata.core.engine;

import fermata.core.error.BadInputException;
import fermata.core.model.Project;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Renders a project to a sink faster than real time; what the CLI's render verb and the GUI's export call. */
public interface RenderService {
    /**
     * What a finished render produced.
     *
     * @param frames frames written to the sink
     * @param soundBank the SoundFont MIDI tracks played with
     * @param warnings problems that did not stop the render (SoundFont fallback, bypassed inserts)
     */
    record Result(long frames, int sampleRate, String soundBank, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }

        public double seconds() {
            return (double) frames / sampleRate;
        }
    }

    /**
     * Renders {@code project} from its start to its end plus the tail, stereo, into {@code sink}
     * (which is closed at the end, also on failure and cancellation).
     *
     * @param cancelled polled once per block; when it turns true the render stops
     * @throws RenderCancelledException when {@code cancelled} turned true
     * @throws BadInputException when the project refers to media that cannot be read
     * @throws EngineException when the synthesizer cannot run
     * @throws IOException when the sink fails
     */
    Result render(Project project, RenderOptions options, AudioSink sink, ProgressListener progress,
                  BooleanSupplier cancelled)
            throws EngineException, BadInputException, IOException, RenderCancelledException;
}
