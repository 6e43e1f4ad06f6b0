package fermata.core.edit;

import fermata.core.model.AudioTrack;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Project;
import fermata.core.model.Track;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Undo and redo over immutable project values. Each step keeps the project before and after it;
 * consecutive values share every track and clip the step did not touch, so a long history of small
 * edits costs little. Depth is unlimited while the estimated size of what the steps changed stays
 * within a memory budget; past it the oldest steps are released and {@link #releasedSteps()}
 * counts them, so the UI can say so rather than losing them silently.
 *
 * <p>Not thread-safe: the UI thread owns it. Workers deliver their results as commands that the
 * UI thread executes here.
 */
public final class History {
    /** Default budget for the undo history: 256 MiB of changed notes and clips. */
    public static final long DEFAULT_BUDGET_BYTES = 256L << 20;

    private static final long NOTE_BYTES = 48;
    private static final long EVENT_BYTES = 40;
    private static final long OBJECT_BYTES = 256;

    private record Step(String label, Project before, Project after, long bytes) {
    }

    /** Notified after every change of the current project (execute, undo, redo, gestures). */
    public interface Listener {
        void historyChanged(History history);
    }

    private final long budgetBytes;
    private final List<Step> undo = new ArrayList<>();
    private final List<Step> redo = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Project current;
    private Project saved;
    private long usedBytes;
    private long released;

    private String gestureLabel;
    private Project gestureStart;

    public History(Project initial) {
        this(initial, DEFAULT_BUDGET_BYTES);
    }

    public History(Project initial, long budgetBytes) {
        this.current = initial;
        this.saved = initial;
        this.budgetBytes = budgetBytes;
    }

    public Project current() {
        return current;
    }

    /**
     * Applies a command. Outside a gesture it becomes one undo step; inside one it joins the
     * gesture's step. A command that does not fit throws and changes nothing.
     */
    public Project execute(EditCommand command) {
        Project next = command.apply(current);
        if (next == current) {
            return current;
        }
        if (gestureStart == null) {
            push(new Step(command.label(), current, next, estimateBytes(current, next)));
            redo.clear();
        }
        current = next;
        fire();
        return current;
    }

    /**
     * Starts a gesture: every command executed until {@link #endGesture()} forms one undo step
     * named {@code label} (a drag that moves notes at every mouse event undoes in one go).
     */
    public void beginGesture(String label) {
        if (gestureStart != null) {
            throw new IllegalStateException("a gesture is already under way: " + gestureLabel);
        }
        gestureLabel = label;
        gestureStart = current;
    }

    /** Ends the gesture; if it changed anything it becomes one undo step. */
    public void endGesture() {
        if (gestureStart == null) {
            throw new IllegalStateException("no gesture under way");
        }
        Project start = gestureStart;
        gestureStart = null;
        if (start != current) {
            push(new Step(gestureLabel, start, current, estimateBytes(start, current)));
            redo.clear();
            fire();
        }
    }

    /** Abandons the gesture, restoring the project from before it (Escape during a drag). */
    public void cancelGesture() {
        if (gestureStart == null) {
            return;
        }
        current = gestureStart;
        gestureStart = null;
        fire();
    }

    public boolean inGesture() {
        return gestureStart != null;
    }

    public boolean canUndo() {
        return gestureStart == null && !undo.isEmpty();
    }

    public boolean canRedo() {
        return gestureStart == null && !redo.isEmpty();
    }

    /** The label of the step undo would revert, or null. */
    public String undoLabel() {
        return undo.isEmpty() ? null : undo.get(undo.size() - 1).label();
    }

    public String redoLabel() {
        return redo.isEmpty() ? null : redo.get(redo.size() - 1).label();
    }

    public Project undo() {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        Step s = undo.remove(undo.size() - 1);
        usedBytes -= s.bytes();
        redo.add(s);
        current = s.before();
        fire();
        return current;
    }

    public Project redo() {
        if (!canRedo()) {
            throw new IllegalStateException("nothing to redo");
        }
        Step s = redo.remove(redo.size() - 1);
        undo.add(s);
        usedBytes += s.bytes();
        current = s.after();
        fire();
        return current;
    }

    /** Replaces the whole history by a fresh one on {@code project} (open, new). */
    public void reset(Project project) {
        reset(project, true);
    }

    /**
     * Replaces the whole history by a fresh one on {@code project}.
     *
     * @param onDisk false for a project that is not saved anywhere yet (recovered work), so it counts as dirty
     */
    public void reset(Project project, boolean onDisk) {
        undo.clear();
        redo.clear();
        usedBytes = 0;
        released = 0;
        gestureStart = null;
        current = project;
        saved = onDisk ? project : null;
        fire();
    }

    /** Records that the current project is what is on disk. */
    public void markSaved() {
        saved = current;
        fire();
    }

    /** True when the current project differs from the one last saved or opened. */
    public boolean isDirty() {
        return current != saved;
    }

    public int undoDepth() {
        return undo.size();
    }

    public int redoDepth() {
        return redo.size();
    }

    /** Steps dropped from the bottom of the undo list to stay within the memory budget. */
    public long releasedSteps() {
        return released;
    }

    public long usedBytes() {
        return usedBytes;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void push(Step step) {
        undo.add(step);
        usedBytes += step.bytes();
        while (usedBytes > budgetBytes && undo.size() > 1) {
            Step oldest = undo.remove(0);
            usedBytes -= oldest.bytes();
            released++;
        }
    }

    private void fire() {
        for (Listener l : listeners) {
            l.historyChanged(this);
        }
    }

    /**
     * Estimates the memory a step holds on to beyond what {@code before} already holds: the tracks
     * and clips that are new objects in {@code after}. Shared objects (compared by identity) are free.
     */
    static long estimateBytes(Project before, Project after) {
        long bytes = OBJECT_BYTES;
        if (before.tempoMap() != after.tempoMap()) {
            bytes += after.tempoMap().changes().size() * EVENT_BYTES;
        }
        List<Track> old = before.tracks();
        for (Track t : after.tracks()) {
            if (containsSame(old, t)) {
                continue;
            }
            bytes += OBJECT_BYTES;
            if (t instanceof MidiTrack m) {
                List<MidiClip> oldClips = clipsOf(before, m.id());
                for (MidiClip c : m.clips()) {
                    if (!containsSame(oldClips, c)) {
                        bytes += OBJECT_BYTES + c.notes().size() * NOTE_BYTES + c.events().size() * EVENT_BYTES;
                    }
                }
            } else if (t instanceof AudioTrack a) {
                bytes += a.clips().size() * OBJECT_BYTES;
            }
        }
        return bytes;
    }

    private static List<MidiClip> clipsOf(Project p, String trackId) {
        int i = p.indexOfTrack(trackId);
        if (i >= 0 && p.tracks().get(i) instanceof MidiTrack m) {
            return m.clips();
        }
        return List.of();
    }

    private static <T> boolean containsSame(List<T> list, T item) {
        for (T t : list) {
            if (t == item) {
                return true;
            }
        }
        return false;
    }
}
