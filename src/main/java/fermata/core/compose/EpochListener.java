package fermata.core.compose;

import java.util.Map;

/** Told after every training epoch, on the training thread: what a live loss plot draws. */
@FunctionalInterface
public interface EpochListener {
    EpochListener NONE = (epoch, epochs, values) -> { };

    /** @param values named figures of the epoch in a stable order, e.g. "train NLL", "valid NLL" */
    void epochDone(int epoch, int epochs, Map<String, Double> values);
}
