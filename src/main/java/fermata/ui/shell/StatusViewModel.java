package fermata.ui.shell;

import fermata.core.task.TaskHandle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;

/**
 * The status bar's right side: the audio device, sample rate, buffer, the engine's share of real
 * time, the compute backend the AI models run on, and the progress of the running background task
 * (export, import, analysis) with its cancel switch. FX thread only.
 */
public final class StatusViewModel {
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("Audio: starting…");
    private final ReadOnlyStringWrapper format = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cpu = new ReadOnlyStringWrapper("CPU —");
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper("AI: —");
    private final ReadOnlyStringWrapper soundBank = new ReadOnlyStringWrapper("SoundFont: —");
    private final ReadOnlyStringWrapper taskText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper taskProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper taskRunning = new ReadOnlyBooleanWrapper();
    private TaskHandle<?> task;

    /** The output device, or why there is none. */
    public void showDevice(String description, int sampleRate, int bufferFrames) {
        device.set("Audio: " + description);
        format.set(String.format(Locale.ROOT, "%.1f kHz · %d frames (%.1f ms)", sampleRate / 1000.0, bufferFrames,
                1000.0 * bufferFrames / sampleRate));
    }

    /** The engine's render time as a share of real time. */
    public void showLoad(double load) {
        cpu.set(String.format(Locale.ROOT, "DSP %d%%", Math.round(100 * load)));
    }

    public void showBackend(String name) {
        backend.set("AI: " + name);
    }

    public void showSoundBank(String description) {
        soundBank.set("SoundFont: " + description);
    }

    /** Shows {@code handle}'s progress until {@link #finished}; a newer task replaces it on the bar. */
    public void started(TaskHandle<?> handle) {
        task = handle;
        taskRunning.set(true);
        taskText.set(handle.name());
        taskProgress.set(-1);
    }

    /** Progress of {@code handle}; ignored unless it is the task shown. */
    public void progressed(TaskHandle<?> handle, double fraction, String message) {
        if (handle == task) {
            taskProgress.set(fraction);
            taskText.set(message == null || message.isBlank() ? handle.name() : handle.name() + ": " + message);
        }
    }

    public void finished(TaskHandle<?> handle) {
        if (handle == task) {
            task = null;
            taskRunning.set(false);
            taskText.set("");
        }
    }

    /** Cancels the task shown. */
    public void cancelTask() {
        if (task != null) {
            task.cancel();
            taskText.set(task.name() + ": cancelling…");
        }
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formatProperty() {
        return format.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cpuProperty() {
        return cpu.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty soundBankProperty() {
        return soundBank.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taskTextProperty() {
        return taskText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty taskProgressProperty() {
        return taskProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty taskRunningProperty() {
        return taskRunning.getReadOnlyProperty();
    }
}
