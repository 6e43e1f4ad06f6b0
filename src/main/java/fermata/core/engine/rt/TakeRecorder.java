package fermata.core.engine.rt;

import fermata.core.edit.EditCommand;
import fermata.core.model.Project;

import java.util.Optional;

/** Records live MIDI input into an armed track, as a record button needs it. */
public interface TakeRecorder {
    /** Sends live input to {@code trackId} (a MIDI track), or to nothing when null. */
    void arm(String trackId);

    /** Starts a take into the armed track; throws {@link IllegalStateException} when none is armed. */
    void startRecording();

    boolean isRecording();

    /** Collects what was played so far; call about once per UI frame while recording. */
    void pollRecording();

    /** Ends the take; the notes played, as one edit on {@code project}, when there were any. */
    Optional<EditCommand> finishRecording(Project project) throws InterruptedException;
}
