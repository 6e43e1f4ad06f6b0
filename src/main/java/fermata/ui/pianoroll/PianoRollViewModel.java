package fermata.ui.pianoroll;

import fermata.core.edit.AddMidiClip;
import fermata.core.edit.AddNotes;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.EditCommand;
import fermata.core.edit.History;
import fermata.core.edit.MoveNotes;
import fermata.core.edit.QuantizeNotes;
import fermata.core.edit.RemoveNotes;
import fermata.core.edit.ResizeNotes;
import fermata.core.edit.SetVelocity;
import fermata.core.edit.TransposeNotes;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * State and actions of the piano roll: which clip is edited, the viewport (time and pitch zoom and
 * scroll), the snap grid, the tool, the selection and the note clipboard. Every change to the song
 * is an {@link EditCommand} executed on the studio's {@link History}; a drag is one gesture, so one
 * undo step. Coordinates are pixels in the note area (left of it the keyboard, above it the ruler);
 * all tick/pitch and x/y conversion lives here so that it is tested without a display.
 */
public final class PianoRollViewModel {
    public static final int DEFAULT_VELOCITY = 100;
    /** How close to a note's right end (pixels) a press grabs the end to resize instead of moving. */
    public static final double EDGE_PIXELS = 5;
    private static final double MIN_TICKS_PER_PIXEL = 0.25;
    private static final double MAX_TICKS_PER_PIXEL = 400;
    private static final double MIN_PIXELS_PER_KEY = 3;
    private static final double MAX_PIXELS_PER_KEY = 40;
    /** Grid lines closer than this many pixels are left out: they would only grey the background. */
    private static final double MIN_GRID_SPACING = 6;

    private final History history;
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PianoRollTool> tool = new SimpleObjectProperty<>(new DrawTool());
    private final ObjectProperty<SnapGrid> snap = new SimpleObjectProperty<>(SnapGrid.SIXTEENTH);
    private final Set<Note> selection = new LinkedHashSet<>();
    private List<Note> clipboard = List.of();

    private String trackId;
    private String clipId;
    private MidiClip longestNoteCacheClip;
    private long longestNoteCache;

    private double firstTick;
    private double ticksPerPixel = 8;
    private int lowestPitch = 36;
    private double pixelsPerKey = 12;
    private double width = 800;
    private double height = 400;
    private long lastLength = Ppq.TICKS_PER_QUARTER;
    private long cursorTick;

    private double[] band;
    private Set<Note> bandBase = Set.of();

    private long anchorTick;
    private int anchorPitch;
    private long appliedTicks;
    private int appliedPitch;
    private long dragLowLimit;
    private int lowPitchLimit;
    private int highPitchLimit;
    private long anchorLength;

    public PianoRollViewModel(History history) {
        this.history = history;
        history.addListener(h -> projectChanged());
        tool.addListener((o, a, b) -> changed());
        snap.addListener((o, a, b) -> changed());
    }

    // ---- what is edited

    /** Edits the first clip of a MIDI track; any other track (or null) shows nothing to edit. */
    public void showTrack(String id) {
        selection.clear();
        trackId = null;
        clipId = null;
        if (id != null && project().indexOfTrack(id) >= 0 && project().track(id) instanceof MidiTrack m) {
            trackId = id;
            clipId = m.clips().isEmpty() ? null : m.clips().get(0).id();
        }
        changed();
    }

    public String trackId() {
        return trackId;
    }

    public MidiTrack track() {
        if (trackId == null || project().indexOfTrack(trackId) < 0) {
            return null;
        }
        return project().track(trackId) instanceof MidiTrack m ? m : null;
    }

    /** The clip being edited, or null when the track has none yet (drawing creates one). */
    public MidiClip clip() {
        MidiTrack t = track();
        if (t == null || clipId == null) {
            return null;
        }
        for (MidiClip c : t.clips()) {
            if (c.id().equals(clipId)) {
                return c;
            }
        }
        return null;
    }

    public long clipStart() {
        MidiClip c = clip();
        return c == null ? 0 : c.startTick();
    }

    public Project project() {
        return history.current();
    }

    /** Grows by one at every change the view must redraw for. */
    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** Why the last action failed, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<PianoRollTool> toolProperty() {
        return tool;
    }

    public ObjectProperty<SnapGrid> snapProperty() {
        return snap;
    }

    public long lastLength() {
        return lastLength;
    }

    public void setLastLength(long ticks) {
        lastLength = Math.max(1, ticks);
    }

    // ---- viewport

    public void setSize(double noteAreaWidth, double noteAreaHeight) {
        width = Math.max(1, noteAreaWidth);
        height = Math.max(1, noteAreaHeight);
        changed();
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double firstTick() {
        return firstTick;
    }

    public double ticksPerPixel() {
        return ticksPerPixel;
    }

    public int lowestPitch() {
        return lowestPitch;
    }

    public double pixelsPerKey() {
        return pixelsPerKey;
    }

    /** The highest pitch with at least part of its row visible. */
    public int highestPitch() {
        return Math.min(127, lowestPitch + (int) Math.ceil(height / pixelsPerKey) - 1);
    }

    public double lastVisibleTick() {
        return firstTick + width * ticksPerPixel;
    }

    /** Absolute tick under x. */
    public long tickAt(double x) {
        return (long) Math.floor(firstTick + x * ticksPerPixel);
    }

    public double xOf(long tick) {
        return (tick - firstTick) / ticksPerPixel;
    }

    public int pitchAt(double y) {
        int p = lowestPitch + (int) Math.floor((height - y) / pixelsPerKey);
        return Math.max(0, Math.min(127, p));
    }

    /** Top of the pitch's row. */
    public double yOf(int pitch) {
        return height - (pitch - lowestPitch + 1) * pixelsPerKey;
    }

    /** Zooms the time axis by {@code factor} (2 shows half as many ticks), keeping the tick under x in place. */
    public void zoomTime(double factor, double x) {
        double tick = firstTick + x * ticksPerPixel;
        ticksPerPixel = clamp(ticksPerPixel / factor, MIN_TICKS_PER_PIXEL, MAX_TICKS_PER_PIXEL);
        firstTick = Math.max(0, tick - x * ticksPerPixel);
        changed();
    }

    /** Zooms the pitch axis by {@code factor}, keeping the pitch at the middle of the view in place. */
    public void zoomPitch(double factor) {
        double middle = lowestPitch + height / pixelsPerKey / 2;
        pixelsPerKey = clamp(pixelsPerKey * factor, MIN_PIXELS_PER_KEY, MAX_PIXELS_PER_KEY);
        scrollPitchTo((int) Math.round(middle - height / pixelsPerKey / 2));
    }

    public void scrollTime(double pixels) {
        firstTick = Math.max(0, firstTick + pixels * ticksPerPixel);
        changed();
    }

    public void scrollPitch(int keys) {
        scrollPitchTo(lowestPitch + keys);
    }

    private void scrollPitchTo(int pitch) {
        int visible = (int) Math.floor(height / pixelsPerKey);
        lowestPitch = Math.max(0, Math.min(pitch, 128 - Math.max(1, visible)));
        changed();
    }

    /** Shows {@code bars} bars from the start of bar {@code firstBar} (1-based) across the view's width. */
    public void showBars(int firstBar, int bars) {
        long from = barStart(firstBar);
        long to = barStart(firstBar + bars);
        firstTick = from;
        ticksPerPixel = clamp((to - from) / width, MIN_TICKS_PER_PIXEL, MAX_TICKS_PER_PIXEL);
        changed();
    }

    /** Shows the pitches {@code low..high} across the view's height. */
    public void showPitches(int low, int high) {
        pixelsPerKey = clamp(height / (high - low + 1), MIN_PIXELS_PER_KEY, MAX_PIXELS_PER_KEY);
        scrollPitchTo(low);
    }

    /** Absolute tick where a 1-based bar starts, following the time signature changes. */
    public long barStart(int bar) {
        List<TimeSignature> meters = project().timeSignatures();
        long remaining = bar - 1;
        for (int i = 0; i < meters.size(); i++) {
            TimeSignature ts = meters.get(i);
            long segmentBars = i + 1 < meters.size()
                    ? ceilDiv(meters.get(i + 1).tick() - ts.tick(), ts.ticksPerBar()) : Long.MAX_VALUE;
            if (remaining < segmentBars) {
                return ts.tick() + remaining * ts.ticksPerBar();
            }
            remaining -= segmentBars;
        }
        throw new IllegalStateException("unreachable: the last meter holds forever");
    }

    /** Bar, beat and snap-grid lines across the visible ticks, from the project's time signatures. */
    public List<GridLine> gridLines() {
        List<GridLine> lines = new ArrayList<>();
        List<TimeSignature> meters = project().timeSignatures();
        double last = lastVisibleTick();
        long gridTicks = snap.get().isOff() ? 0 : snap.get().ticks();
        int barNumber = 1;
        for (int i = 0; i < meters.size(); i++) {
            TimeSignature ts = meters.get(i);
            long segmentEnd = i + 1 < meters.size() ? meters.get(i + 1).tick() : Long.MAX_VALUE;
            long perBar = ts.ticksPerBar();
            long skipped = firstTick > ts.tick() ? (long) ((firstTick - ts.tick()) / perBar) : 0;
            if (segmentEnd != Long.MAX_VALUE) {
                skipped = Math.min(skipped, ceilDiv(segmentEnd - ts.tick(), perBar));
            }
            int bar = barNumber + (int) skipped;
            for (long barTick = ts.tick() + skipped * perBar; barTick < segmentEnd && barTick <= last;
                 barTick += perBar, bar++) {
                lines.add(new GridLine(xOf(barTick), GridLine.Kind.BAR, bar));
                addSubdivisions(lines, barTick, Math.min(barTick + perBar, segmentEnd), ts.ticksPerBeat(), gridTicks, bar);
            }
            if (segmentEnd == Long.MAX_VALUE || segmentEnd > last) {
                break;
            }
            barNumber += (int) ceilDiv(segmentEnd - ts.tick(), perBar);
        }
        return lines;
    }

    private void addSubdivisions(List<GridLine> lines, long barTick, long barEnd, long beatTicks, long gridTicks, int bar) {
        if (beatTicks / ticksPerPixel >= MIN_GRID_SPACING) {
            for (long t = barTick + beatTicks; t < barEnd; t += beatTicks) {
                lines.add(new GridLine(xOf(t), GridLine.Kind.BEAT, bar));
            }
        }
        if (gridTicks > 0 && gridTicks / ticksPerPixel >= MIN_GRID_SPACING) {
            for (long t = barTick + gridTicks; t < barEnd; t += gridTicks) {
                if ((t - barTick) % beatTicks != 0) {
                    lines.add(new GridLine(xOf(t), GridLine.Kind.GRID, bar));
                }
            }
        }
    }

    // ---- what is visible

    /** The edited clip's notes that sound in the visible ticks (clip-relative), by a range query. */
    public List<Note> visibleNotes() {
        MidiClip c = clip();
        if (c == null) {
            return List.of();
        }
        return c.notesBetween(tickAt(0) - c.startTick(), (long) Math.ceil(lastVisibleTick()) - c.startTick() + 1,
                longestNote(c));
    }

    /** Notes of the other MIDI tracks in the visible ticks, shifted to absolute ticks; shown faint, never edited. */
    public List<Note> visibleGhostNotes() {
        List<Note> ghosts = new ArrayList<>();
        long from = tickAt(0);
        long to = (long) Math.ceil(lastVisibleTick()) + 1;
        for (Track t : project().tracks()) {
            if (t.id().equals(trackId) || !(t instanceof MidiTrack m)) {
                continue;
            }
            for (MidiClip c : m.clips()) {
                for (Note n : c.notesBetween(from - c.startTick(), to - c.startTick())) {
                    ghosts.add(n.withStart(n.startTick() + c.startTick()));
                }
            }
        }
        return ghosts;
    }

    private long longestNote(MidiClip c) {
        if (c != longestNoteCacheClip) {
            longestNoteCacheClip = c;
            longestNoteCache = c.maxNoteLength();
        }
        return longestNoteCache;
    }

    /** The topmost note of the edited clip under a point, or null. */
    public Note noteAt(double x, double y) {
        MidiClip c = clip();
        if (c == null) {
            return null;
        }
        long tick = tickAt(x) - c.startTick();
        int pitch = pitchAt(y);
        List<Note> under = c.notesBetween(tick, tick + 1, longestNote(c));
        for (int i = under.size() - 1; i >= 0; i--) {
            if (under.get(i).pitch() == pitch) {
                return under.get(i);
            }
        }
        return null;
    }

    public boolean isOnRightEdge(Note note, double x) {
        double end = xOf(clipStart() + note.endTick());
        double start = xOf(clipStart() + note.startTick());
        return end - x <= Math.min(EDGE_PIXELS, (end - start) / 3);
    }

    /** The rubber band as {x, y, width, height} in note-area pixels, or null when none is drawn. */
    public double[] band() {
        if (band == null) {
            return null;
        }
        return new double[] {Math.min(band[0], band[2]), Math.min(band[1], band[3]),
                Math.abs(band[2] - band[0]), Math.abs(band[3] - band[1])};
    }

    /** Where paste puts the clipboard: the snapped tick of the last press in the note area. */
    public long cursorTick() {
        return cursorTick;
    }

    /** Remembers the snapped tick of a press as where the next paste goes. */
    public void placeCursor(double x) {
        cursorTick = Math.max(0, snap.get().floor(tickAt(x)));
        changed();
    }

    // ---- selection

    public Set<Note> selection() {
        return Collections.unmodifiableSet(selection);
    }

    public boolean isSelected(Note n) {
        return selection.contains(n);
    }

    public void selectOnly(Note n) {
        selection.clear();
        selection.add(n);
        changed();
    }

    public void toggleSelected(Note n) {
        if (!selection.remove(n)) {
            selection.add(n);
        }
        changed();
    }

    public void selectAll() {
        selection.clear();
        MidiClip c = clip();
        if (c != null) {
            selection.addAll(c.notes());
        }
        changed();
    }

    public void clearSelection() {
        selection.clear();
        changed();
    }

    public void beginBand(double x, double y, boolean additive) {
        if (!additive) {
            selection.clear();
        }
        bandBase = new LinkedHashSet<>(selection);
        band = new double[] {x, y, x, y};
        changed();
    }

    public void bandTo(double x, double y) {
        if (band == null) {
            return;
        }
        band[2] = x;
        band[3] = y;
        selection.clear();
        selection.addAll(bandBase);
        selection.addAll(notesIn(band[0], band[1], band[2], band[3]));
        changed();
    }

    public void endBand() {
        band = null;
        bandBase = Set.of();
        changed();
    }

    private List<Note> notesIn(double x0, double y0, double x1, double y1) {
        MidiClip c = clip();
        if (c == null) {
            return List.of();
        }
        long from = tickAt(Math.min(x0, x1)) - c.startTick();
        long to = tickAt(Math.max(x0, x1)) - c.startTick() + 1;
        int low = pitchAt(Math.max(y0, y1));
        int high = pitchAt(Math.min(y0, y1));
        List<Note> inside = new ArrayList<>();
        for (Note n : c.notesBetween(from, to, longestNote(c))) {
            if (n.pitch() >= low && n.pitch() <= high) {
                inside.add(n);
            }
        }
        return inside;
    }

    // ---- gestures: draw, move, resize, erase

    public void beginGesture(String label) {
        history.beginGesture(label);
    }

    /** Ends the gesture under way, if any: everything since it began is one undo step. */
    public void endGesture() {
        if (history.inGesture()) {
            history.endGesture();
        }
        changed();
    }

    /** Abandons the gesture under way (Escape during a drag), restoring the notes from before it. */
    public void cancelGesture() {
        history.cancelGesture();
        band = null;
        changed();
    }

    /** Adds a note of the last used length at the snapped tick and pitch under the point; dragging then stretches it. */
    public void beginDraw(double x, double y) {
        long start = Math.max(0, snap.get().floor(tickAt(x)));
        history.beginGesture("Draw note");
        if (!ensureClip()) {
            history.cancelGesture();
            return;
        }
        long relative = start - clipStart();
        if (relative < 0) {
            history.cancelGesture();
            status.set("A note cannot start before its clip");
            return;
        }
        Note note = new Note(pitchAt(y), relative, lastLength, DEFAULT_VELOCITY, channel());
        if (run(new AddNotes(trackId, clipId, List.of(note)))) {
            selectOnly(note);
            startResize(clipStart() + note.endTick(), note.lengthTicks());
        }
    }

    /** Starts moving the selection; with {@code duplicate} the originals stay and copies move. */
    public void beginMove(double x, double y, boolean duplicate) {
        history.beginGesture(duplicate ? "Duplicate notes" : "Move notes");
        if (duplicate) {
            run(new AddNotes(trackId, clipId, List.copyOf(selection)));
        }
        anchorTick = tickAt(x);
        anchorPitch = pitchAt(y);
        appliedTicks = 0;
        appliedPitch = 0;
        dragLowLimit = Long.MAX_VALUE;
        lowPitchLimit = 127;
        highPitchLimit = 0;
        for (Note n : selection) {
            dragLowLimit = Math.min(dragLowLimit, n.startTick());
            lowPitchLimit = Math.min(lowPitchLimit, n.pitch());
            highPitchLimit = Math.max(highPitchLimit, n.pitch());
        }
    }

    /** Moves the selection so that it follows the pointer from where the move began, by snapped steps. */
    public void moveTo(double x, double y) {
        if (!history.inGesture() || selection.isEmpty()) {
            return;
        }
        long ticks = Math.max(-dragLowLimit, snap.get().round(tickAt(x) - anchorTick));
        int pitch = Math.max(-lowPitchLimit, Math.min(127 - highPitchLimit, pitchAt(y) - anchorPitch));
        long dt = ticks - appliedTicks;
        int dp = pitch - appliedPitch;
        if (dt == 0 && dp == 0) {
            return;
        }
        List<Note> moving = List.copyOf(selection);
        if (run(new MoveNotes(trackId, clipId, moving, dt, dp))) {
            appliedTicks = ticks;
            appliedPitch = pitch;
            replaceSelection(moving, n -> new Note(n.pitch() + dp, n.startTick() + dt, n.lengthTicks(), n.velocity(),
                    n.channel()));
        }
    }

    /** Starts resizing the selection by dragging the right end of {@code grabbed}. */
    public void beginResize(Note grabbed, double x) {
        history.beginGesture("Resize notes");
        startResize(tickAt(x), grabbed.lengthTicks());
    }

    private void startResize(long tick, long grabbedLength) {
        anchorTick = tick;
        anchorLength = grabbedLength;
        appliedTicks = 0;
        dragLowLimit = Long.MAX_VALUE;
        for (Note n : selection) {
            dragLowLimit = Math.min(dragLowLimit, n.lengthTicks());
        }
    }

    /** Lengthens or shortens the selection by the snapped distance from where the resize began; no note below one tick. */
    public void resizeTo(double x) {
        if (!history.inGesture() || selection.isEmpty()) {
            return;
        }
        long ticks = Math.max(1 - dragLowLimit, snap.get().round(tickAt(x) - anchorTick));
        long dt = ticks - appliedTicks;
        if (dt == 0) {
            return;
        }
        List<Note> resizing = List.copyOf(selection);
        if (run(new ResizeNotes(trackId, clipId, resizing, dt))) {
            appliedTicks = ticks;
            lastLength = anchorLength + ticks;
            replaceSelection(resizing, n -> n.withLength(n.lengthTicks() + dt));
        }
    }

    /** Removes the note under the point (call within a gesture so a sweep is one undo step). */
    public void eraseAt(double x, double y) {
        Note hit = noteAt(x, y);
        if (hit != null && run(new RemoveNotes(trackId, clipId, List.of(hit)))) {
            selection.remove(hit);
            changed();
        }
    }

    // ---- velocity lane

    /** The velocity a point in the velocity lane stands for: 127 at the top, 1 at the bottom. */
    public static int velocityAt(double y, double laneHeight) {
        return (int) Math.max(1, Math.min(127, Math.round((1 - y / laneHeight) * 127)));
    }

    /**
     * Sets the velocity of the notes starting within a few pixels of x (only selected ones when there
     * is a selection) from a point in the lane; call between {@link #beginGesture} and {@link #endGesture}
     * so that a stroke is one undo step.
     */
    public void drawVelocity(double x, double y, double laneHeight) {
        MidiClip c = clip();
        if (c == null) {
            return;
        }
        int velocity = velocityAt(y, laneHeight);
        List<Note> hit = new ArrayList<>();
        for (Note n : c.notesStartingBetween(tickAt(x - 2) - c.startTick(), tickAt(x + 2) - c.startTick() + 1)) {
            if (n.velocity() != velocity && (selection.isEmpty() || selection.contains(n))) {
                hit.add(n);
            }
        }
        if (!hit.isEmpty() && run(SetVelocity.all(trackId, clipId, hit, velocity))) {
            replaceSelection(hit, n -> n.withVelocity(velocity));
        }
    }

    // ---- one-shot actions on the selection

    public void deleteSelection() {
        if (!selection.isEmpty() && run(new RemoveNotes(trackId, clipId, List.copyOf(selection)))) {
            selection.clear();
            changed();
        }
    }

    public void transpose(int semitones) {
        if (selection.isEmpty()) {
            return;
        }
        List<Note> notes = List.copyOf(selection);
        if (run(new TransposeNotes(trackId, clipId, notes, semitones))) {
            replaceSelection(notes, n -> n.withPitch(n.pitch() + semitones));
        }
    }

    /** Quantizes the selection's starts (all notes when none is selected) to the snap grid, a sixteenth when snap is off. */
    public void quantize(double strength, double swing) {
        MidiClip c = clip();
        if (c == null) {
            return;
        }
        List<Note> notes = selection.isEmpty() ? c.notes() : List.copyOf(selection);
        long grid = snap.get().isOff() ? SnapGrid.SIXTEENTH.ticks() : snap.get().ticks();
        QuantizeNotes q = new QuantizeNotes(trackId, clipId, notes, grid, strength, swing);
        if (run(q) && !selection.isEmpty()) {
            replaceSelection(notes, n -> n.withStart(
                    Math.max(0, n.startTick() + Math.round(strength * (q.target(n.startTick()) - n.startTick())))));
        }
    }

    public void setVelocity(int velocity) {
        if (selection.isEmpty()) {
            return;
        }
        List<Note> notes = List.copyOf(selection);
        if (run(SetVelocity.all(trackId, clipId, notes, velocity))) {
            replaceSelection(notes, n -> n.withVelocity(velocity));
        }
    }

    // ---- clipboard

    /** Copies the selection to the piano roll's clipboard, kept with the first note at tick 0. */
    public void copy() {
        if (selection.isEmpty()) {
            return;
        }
        long first = Long.MAX_VALUE;
        for (Note n : selection) {
            first = Math.min(first, n.startTick());
        }
        List<Note> copied = new ArrayList<>(selection.size());
        for (Note n : selection) {
            copied.add(n.withStart(n.startTick() - first));
        }
        copied.sort(Note.ORDER);
        clipboard = List.copyOf(copied);
    }

    public List<Note> clipboard() {
        return clipboard;
    }

    public void cut() {
        if (selection.isEmpty()) {
            return;
        }
        copy();
        if (run(new CompoundEdit("Cut", List.of(new RemoveNotes(trackId, clipId, List.copyOf(selection)))))) {
            selection.clear();
            changed();
        }
    }

    /** Pastes the clipboard at the cursor. */
    public void paste() {
        pasteAt(cursorTick);
    }

    /** Pastes the clipboard with its first note at absolute tick {@code tick}, into whichever MIDI track is shown; the pasted notes become the selection. */
    public void pasteAt(long tick) {
        if (clipboard.isEmpty() || trackId == null) {
            return;
        }
        history.beginGesture("Paste");
        if (!ensureClip() || tick < clipStart()) {
            history.cancelGesture();
            status.set("Paste needs a MIDI clip that starts at or before the cursor");
            return;
        }
        List<Note> pasted = shifted(clipboard, tick - clipStart());
        if (run(new AddNotes(trackId, clipId, pasted))) {
            selection.clear();
            selection.addAll(pasted);
        }
        endGesture();
    }

    /** Copies the selection to just after itself, a whole number of grid steps later; the copies become the selection. */
    public void duplicate() {
        if (selection.isEmpty()) {
            return;
        }
        long first = selection.stream().mapToLong(Note::startTick).min().orElseThrow();
        long end = selection.stream().mapToLong(Note::endTick).max().orElseThrow();
        long grid = snap.get().ticks();
        long offset = Math.max(grid, ceilDiv(end - first, grid) * grid);
        List<Note> copies = new ArrayList<>(selection);
        copies.sort(Comparator.comparingLong(Note::startTick));
        copies = shifted(copies, offset);
        if (run(new CompoundEdit("Duplicate", List.of(new AddNotes(trackId, clipId, copies))))) {
            selection.clear();
            selection.addAll(copies);
            changed();
        }
    }

    private static List<Note> shifted(Collection<Note> notes, long ticks) {
        List<Note> out = new ArrayList<>(notes.size());
        for (Note n : notes) {
            out.add(n.withStart(n.startTick() + ticks));
        }
        return out;
    }

    // ---- internals

    private int channel() {
        MidiTrack t = track();
        return t != null && t.instrument().isDrums() ? 9 : 0;
    }

    /** Creates an empty clip from tick 0 on the shown track when it has none, so that there is somewhere to draw. */
    private boolean ensureClip() {
        if (trackId == null) {
            return false;
        }
        if (clip() != null) {
            return true;
        }
        String id = trackId + "-clip";
        if (run(new AddMidiClip(trackId, new MidiClip(id, 0, barStart(5), List.of())))) {
            clipId = id;
            return true;
        }
        return false;
    }

    private boolean run(EditCommand command) {
        if (trackId == null || (clipId == null && !(command instanceof AddMidiClip))) {
            return false;
        }
        try {
            history.execute(command);
            status.set("");
            return true;
        } catch (IllegalArgumentException e) {
            status.set(command.label() + " failed: " + e.getMessage());
            return false;
        }
    }

    private void replaceSelection(List<Note> before, UnaryOperator<Note> change) {
        for (Note n : before) {
            selection.remove(n);
        }
        for (Note n : before) {
            selection.add(change.apply(n));
        }
        changed();
    }

    /** After any change to the song (an edit here, undo, redo, open): forget selected notes that are gone. */
    private void projectChanged() {
        if (track() == null) {
            trackId = null;
            clipId = null;
            selection.clear();
        } else if (clip() == null) {
            clipId = track().clips().isEmpty() ? null : track().clips().get(0).id();
            selection.clear();
        }
        MidiClip c = clip();
        if (c != null && !selection.isEmpty() && !history.inGesture()) {
            selection.removeIf(n -> c.indexOf(n) < 0);
        }
        changed();
    }

    private void changed() {
        changes.set(changes.get() + 1);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
