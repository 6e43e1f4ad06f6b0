package fermata.ui.pianoroll;

import fermata.core.analysis.MidiAnalyzer;
import fermata.core.analysis.tonal.ChordRecognizer;
import fermata.core.analysis.tonal.ChordSegment;
import fermata.core.analysis.tonal.KeyEstimate;
import fermata.core.analysis.tonal.PitchClass;
import fermata.core.edit.AddMidiClip;
import fermata.core.edit.AddNotes;
import fermata.core.edit.CompoundEdit;
import fermata.core.edit.EditCommand;
import fermata.core.edit.History;
import fermata.core.edit.HumanizeNotes;
import fermata.core.edit.LegatoNotes;
import fermata.core.edit.MoveNotes;
import fermata.core.edit.QuantizeNotes;
import fermata.core.edit.RemoveNotes;
import fermata.core.edit.ReplaceNotes;
import fermata.core.edit.ResizeNotes;
import fermata.core.edit.SetVelocity;
import fermata.core.edit.TransposeNotes;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * State and actions of the piano roll: which clip is edited, the viewport (time and pitch zoom and
 * scroll), snap grid, tool, selection, clipboard, playhead, loop region and scale. Every change to
 * the song is an {@link EditCommand} executed on the studio's {@link History}. A drag that moves,
 * duplicates or resizes notes is previewed here (the view draws the selection shifted by
 * {@link #dragDeltaTicks()} and friends) and becomes one command on release, so a drag of thousands
 * of notes costs a redraw per mouse event, not a new clip, and is one undo step.
 *
 * <p>Coordinates are pixels in the note area (left of it the keyboard, above it the ruler and the
 * tempo lane); all tick/pitch and x/y conversion lives here so that it is tested without a display.
 */
public final class PianoRollViewModel {
    public static final int DEFAULT_VELOCITY = 100;
    /** How close to a note's right end (pixels) a press grabs the end to resize instead of moving. */
    public static final double EDGE_PIXELS = 5;
    /** How far (pixels) the pointer must travel on the ruler before a press becomes a loop drag. */
    public static final double LOOP_DRAG_PIXELS = 3;
    public static final long DEFAULT_HUMANIZE_TICKS = Ppq.TICKS_PER_QUARTER / 32;
    public static final int DEFAULT_HUMANIZE_VELOCITY = 10;
    private static final double MIN_TICKS_PER_PIXEL = 0.25;
    private static final double MAX_TICKS_PER_PIXEL = 400;
    private static final double MIN_PIXELS_PER_KEY = 3;
    private static final double MAX_PIXELS_PER_KEY = 40;
    private static final double ZOOM_STEP = 1.5;
    private static final double PITCH_ZOOM_STEP = 1.25;
    /** Grid lines closer than this many pixels are left out: they would only grey the background. */
    private static final double MIN_GRID_SPACING = 6;
    private static final int[] MAJOR_STEPS = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_STEPS = {0, 2, 3, 5, 7, 8, 10};
    private static final Pattern PITCH_NAME = Pattern.compile("([A-Ga-g])([#b]?)(-?\\d+)");

    /** What a drag under way does to the selection until it is released. */
    public enum DragKind { NONE, MOVE, DUPLICATE, RESIZE }

    private final History history;
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PianoRollTool> tool = new SimpleObjectProperty<>(new DrawTool());
    private final ObjectProperty<SnapGrid> snap = new SimpleObjectProperty<>(SnapGrid.SIXTEENTH);
    private final DoubleProperty quantizeStrength = new SimpleDoubleProperty(1);
    private final DoubleProperty quantizeSwing = new SimpleDoubleProperty(0);
    private final ReadOnlyLongWrapper playhead = new ReadOnlyLongWrapper();
    private final BooleanProperty followPlayhead = new SimpleBooleanProperty(true);
    private final ReadOnlyLongWrapper cursor = new ReadOnlyLongWrapper();
    private final ObjectProperty<LoopRegion> loop = new SimpleObjectProperty<>();
    private final ObjectProperty<KeySignature> scaleKey = new SimpleObjectProperty<>();
    private final Set<Note> selection = new LinkedHashSet<>();
    private List<Note> clipboard = List.of();
    private List<ChordMark> chords = List.of();
    private IntConsumer auditioner = pitch -> { };

    private String trackId;
    private String clipId;
    private Project endTickOf;
    private long endTick;
    private MidiClip longestNoteCacheClip;
    private long longestNoteCache;

    private double firstTick;
    private double ticksPerPixel = 8;
    private int lowestPitch = 36;
    private double pixelsPerKey = 12;
    private double width = 800;
    private double height = 400;
    private long lastLength = Ppq.TICKS_PER_QUARTER;

    private double[] band;
    private Set<Note> bandBase = Set.of();

    private DragKind drag = DragKind.NONE;
    private long anchorTick;
    private int anchorPitch;
    private long dragTicks;
    private int dragPitch;
    private long dragLength;
    private long lowTickLimit;
    private int lowPitchLimit;
    private int highPitchLimit;
    private long anchorLength;

    private boolean executing;
    private boolean gestureOpen;
    private double velocityStrokeX = Double.NaN;
    private int velocityStrokeValue;

    private enum RulerDrag { NONE, PRESSED, NEW_LOOP, LOOP_START, LOOP_END }

    private RulerDrag rulerDrag = RulerDrag.NONE;
    private double rulerPressX;
    private long rulerPressTick;

    public PianoRollViewModel(History history) {
        this.history = history;
        history.addListener(h -> projectChanged());
        tool.addListener((o, a, b) -> changed());
        snap.addListener((o, a, b) -> changed());
        loop.addListener((o, a, b) -> changed());
        scaleKey.addListener((o, a, b) -> changed());
        List<KeySignature> keys = history.current().keySignatures();
        scaleKey.set(keys.isEmpty() ? null : keys.get(0));
    }

    // ---- what is edited

    /** Edits the first clip of a MIDI track; any other track (or null) shows nothing to edit. The clipboard stays. */
    public void showTrack(String id) {
        cancelDrag();
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

    /** Strength 0..1 that {@link #quantize()} uses (the tool bar edits it). */
    public DoubleProperty quantizeStrengthProperty() {
        return quantizeStrength;
    }

    /** Swing 0..1 that {@link #quantize()} uses. */
    public DoubleProperty quantizeSwingProperty() {
        return quantizeSwing;
    }

    public long lastLength() {
        return lastLength;
    }

    public void setLastLength(long ticks) {
        lastLength = Math.max(1, ticks);
    }

    // ---- transport: playhead, cursor, loop

    /** Where playback is, absolute ticks; the shell calls this every frame while playing. */
    public void setPlayheadTick(long tick) {
        if (tick == playhead.get()) {
            return;
        }
        playhead.set(tick);
        if (followPlayhead.get()) {
            double x = xOf(tick);
            if (x < 0 || x > width * 0.9) {
                firstTick = Math.max(0, tick - 0.1 * width * ticksPerPixel);
            }
        }
        changed();
    }

    public ReadOnlyLongProperty playheadTickProperty() {
        return playhead.getReadOnlyProperty();
    }

    /** While true, a playhead leaving the right tenth of the view (or its left edge) pages the view along. */
    public BooleanProperty followPlayheadProperty() {
        return followPlayhead;
    }

    /**
     * The edit cursor, absolute ticks: set by a click on the ruler or in the note area; paste goes
     * here. The shell may listen to locate the transport on a ruler click.
     */
    public ReadOnlyLongProperty cursorTickProperty() {
        return cursor.getReadOnlyProperty();
    }

    public long cursorTick() {
        return cursor.get();
    }

    public void setCursorTick(long tick) {
        cursor.set(Math.max(0, tick));
        changed();
    }

    /** Remembers the snapped tick under x as where the next paste goes. */
    public void placeCursor(double x) {
        setCursorTick(snap.get().floor(tickAt(x)));
    }

    /** The loop region dragged on the ruler, or null for none; the shell reads it for the transport. */
    public ObjectProperty<LoopRegion> loopRegionProperty() {
        return loop;
    }

    /** A press on the ruler: near an edge of the loop it grabs that edge, elsewhere it may start a new loop. */
    public void rulerPress(double x) {
        LoopRegion current = loop.get();
        rulerPressX = x;
        rulerPressTick = Math.max(0, snap.get().round(tickAt(x)));
        rulerDrag = RulerDrag.PRESSED;
        if (current != null) {
            if (Math.abs(xOf(current.startTick()) - x) <= EDGE_PIXELS) {
                rulerDrag = RulerDrag.LOOP_START;
            } else if (Math.abs(xOf(current.endTick()) - x) <= EDGE_PIXELS) {
                rulerDrag = RulerDrag.LOOP_END;
            }
        }
    }

    public void rulerDrag(double x) {
        long tick = Math.max(0, snap.get().round(tickAt(x)));
        LoopRegion current = loop.get();
        switch (rulerDrag) {
            case PRESSED -> {
                if (Math.abs(x - rulerPressX) >= LOOP_DRAG_PIXELS) {
                    rulerDrag = RulerDrag.NEW_LOOP;
                    rulerDrag(x);
                }
            }
            case NEW_LOOP -> {
                if (tick != rulerPressTick) {
                    loop.set(new LoopRegion(Math.min(tick, rulerPressTick), Math.max(tick, rulerPressTick)));
                }
            }
            case LOOP_START -> {
                if (tick < current.endTick()) {
                    loop.set(new LoopRegion(tick, current.endTick()));
                }
            }
            case LOOP_END -> {
                if (tick > current.startTick()) {
                    loop.set(new LoopRegion(current.startTick(), tick));
                }
            }
            case NONE -> { }
        }
    }

    /** Ends a ruler press; one that never moved places the cursor. */
    public void rulerRelease(double x) {
        if (rulerDrag == RulerDrag.PRESSED) {
            placeCursor(x);
        }
        rulerDrag = RulerDrag.NONE;
    }

    // ---- scale and audition

    /** The key whose scale rows are highlighted, or null for none; starts as the song's first key signature. */
    public ObjectProperty<KeySignature> scaleKeyProperty() {
        return scaleKey;
    }

    /** True when the pitch belongs to the major or natural minor scale of {@link #scaleKeyProperty()}. */
    public boolean isInScale(int pitch) {
        KeySignature key = scaleKey.get();
        if (key == null) {
            return false;
        }
        int step = Math.floorMod(pitch - key.tonicPitchClass(), 12);
        for (int s : key.minor() ? MINOR_STEPS : MAJOR_STEPS) {
            if (s == step) {
                return true;
            }
        }
        return false;
    }

    public boolean isTonic(int pitch) {
        KeySignature key = scaleKey.get();
        return key != null && Math.floorMod(pitch - key.tonicPitchClass(), 12) == 0;
    }

    /**
     * Runs the MIDI analysis over every pitched track (drums left out) and shows its result: the
     * key becomes the highlighted scale and the chords appear on the chord strip, their tones
     * tinted on the rows. The chords stay as found until the next detection.
     */
    public void detectKeyAndChords() {
        MidiAnalyzer.Result result = MidiAnalyzer.analyze(project());
        if (result.noteCount() == 0) {
            status.set("No pitched notes to find a key and chords in");
            return;
        }
        KeyEstimate key = result.tonal().key();
        scaleKey.set(keySignature(key.tonicPitchClass(), key.mode() == KeyEstimate.Mode.MINOR));
        List<ChordMark> marks = new ArrayList<>();
        for (ChordSegment c : result.tonal().chords()) {
            int tones = ChordRecognizer.tones(c.label());
            if (tones != 0) {
                long from = Math.round(project().tempoMap().tick(c.startSeconds()));
                long to = Math.round(project().tempoMap().tick(c.endSeconds()));
                if (to > from) {
                    marks.add(new ChordMark(from, to, c.label(), tones));
                }
            }
        }
        chords = List.copyOf(marks);
        changed();
    }

    /** The chords found by {@link #detectKeyAndChords()}, in time order; empty before. */
    public List<ChordMark> chords() {
        return chords;
    }

    /** The chords that overlap the visible ticks. */
    public List<ChordMark> visibleChords() {
        List<ChordMark> visible = new ArrayList<>();
        double last = lastVisibleTick();
        for (ChordMark c : chords) {
            if (c.endTick() > firstTick && c.startTick() < last) {
                visible.add(c);
            }
        }
        return visible;
    }

    /** The key signature of a tonic and mode, fewest accidentals (F# major as 6 sharps, not 6 flats). */
    public static KeySignature keySignature(int tonicPitchClass, boolean minor) {
        int major = minor ? Math.floorMod(tonicPitchClass + 3, 12) : Math.floorMod(tonicPitchClass, 12);
        int sharps = Math.floorMod(major * 7, 12);
        return new KeySignature(0, sharps > 6 ? sharps - 12 : sharps, minor);
    }

    /** Called with the pitch of a clicked keyboard key and of every drawn note; the shell sounds it. */
    public void setAuditioner(IntConsumer pitchConsumer) {
        auditioner = pitchConsumer == null ? pitch -> { } : pitchConsumer;
    }

    /** A click on the keyboard at y: sounds the key's pitch. */
    public void keyboardPress(double y) {
        auditioner.accept(pitchAt(y));
    }

    // ---- viewport

    public void setSize(double noteAreaWidth, double noteAreaHeight) {
        width = Math.max(1, noteAreaWidth);
        height = Math.max(1, noteAreaHeight);
        scrollPitchTo(lowestPitch);
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
        int p = lowestPitch + (int) Math.ceil((height - y) / pixelsPerKey) - 1;
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

    /** Zooms in on the time axis around the middle of the view. */
    public void zoomIn() {
        zoomTime(ZOOM_STEP, width / 2);
    }

    public void zoomOut() {
        zoomTime(1 / ZOOM_STEP, width / 2);
    }

    /** Taller rows. */
    public void zoomPitchIn() {
        zoomPitch(PITCH_ZOOM_STEP);
    }

    public void zoomPitchOut() {
        zoomPitch(1 / PITCH_ZOOM_STEP);
    }

    public void scrollTime(double pixels) {
        scrollTimeTo(firstTick + pixels * ticksPerPixel);
    }

    /** Puts {@code tick} at the left edge (scroll bar). */
    public void scrollTimeTo(double tick) {
        firstTick = Math.max(0, tick);
        changed();
    }

    public void scrollPitch(int keys) {
        scrollPitchTo(lowestPitch + keys);
    }

    /** Puts {@code pitch} at the bottom row, as far as the 0..127 range allows. */
    public void scrollPitchTo(int pitch) {
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

    /** The tick the time scroll bar reaches: the song's end plus a few bars, at least the visible range. */
    public double scrollableTicks() {
        if (endTickOf != project()) {
            endTickOf = project();
            endTick = endTickOf.endTick();
        }
        return Math.max(lastVisibleTick(), endTick + barStart(5));
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

    /** "bar.beat.tick", each 1-based but the tick: 0 is "1.1.0", a quarter later in 4/4 "1.2.0". */
    public String formatPosition(long tick) {
        List<TimeSignature> meters = project().timeSignatures();
        long bar = 1;
        for (int i = 0; i < meters.size(); i++) {
            TimeSignature ts = meters.get(i);
            long segmentEnd = i + 1 < meters.size() ? meters.get(i + 1).tick() : Long.MAX_VALUE;
            if (tick < segmentEnd) {
                long into = tick - ts.tick();
                long inBar = into % ts.ticksPerBar();
                return (bar + into / ts.ticksPerBar()) + "." + (inBar / ts.ticksPerBeat() + 1) + "." + inBar % ts.ticksPerBeat();
            }
            bar += ceilDiv(segmentEnd - ts.tick(), ts.ticksPerBar());
        }
        throw new IllegalStateException("unreachable: the last meter holds forever");
    }

    /** Reads "bar.beat.tick", "bar.beat" or "bar" back to an absolute tick; throws on anything else. */
    public long parsePosition(String text) {
        String[] parts = text.trim().split("[.:]");
        if (parts.length < 1 || parts.length > 3) {
            throw new IllegalArgumentException("a position is bar.beat.tick, like 3.2.0; was \"" + text + "\"");
        }
        try {
            int bar = Integer.parseInt(parts[0]);
            int beat = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            long ticks = parts.length > 2 ? Long.parseLong(parts[2]) : 0;
            if (bar < 1 || beat < 1 || ticks < 0) {
                throw new IllegalArgumentException("bars and beats count from 1, ticks from 0; was \"" + text + "\"");
            }
            long start = barStart(bar);
            return start + (beat - 1) * project().timeSignatureAt(start).ticksPerBeat() + ticks;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a position is bar.beat.tick, like 3.2.0; was \"" + text + "\"", e);
        }
    }

    /** "C4" for 60; the tool tip and properties panel names. */
    public static String pitchName(int pitch) {
        return PitchClass.noteName(pitch);
    }

    /** Reads "C4", "F#3", "Bb-1" or a MIDI number back to a pitch 0..127; throws on anything else. */
    public static int parsePitch(String text) {
        String s = text.trim();
        int pitch;
        Matcher m = PITCH_NAME.matcher(s);
        if (m.matches()) {
            int pc = "C D EF G A B".indexOf(Character.toUpperCase(m.group(1).charAt(0)));
            int accidental = m.group(2).equals("#") ? 1 : m.group(2).equals("b") ? -1 : 0;
            pitch = pc + accidental + 12 * (Integer.parseInt(m.group(3)) + 1);
        } else {
            try {
                pitch = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a pitch is a name like C4 or F#3, or a MIDI number; was \"" + text + "\"", e);
            }
        }
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch " + text + " is outside the MIDI range C-1..G9");
        }
        return pitch;
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
            boolean everyBar = perBar / ticksPerPixel >= MIN_GRID_SPACING;
            for (long barTick = ts.tick() + skipped * perBar; barTick < segmentEnd && barTick <= last;
                 barTick += perBar, bar++) {
                if (everyBar || (bar - 1) % 4 == 0) {
                    lines.add(new GridLine(xOf(barTick), GridLine.Kind.BAR, bar));
                }
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

    /**
     * Notes of the other MIDI tracks in the visible ticks, shifted to absolute ticks; shown faint,
     * never edited. Drum tracks are left out: their keys are instruments, not pitches.
     */
    public List<Note> visibleGhostNotes() {
        List<Note> ghosts = new ArrayList<>();
        long from = tickAt(0);
        long to = (long) Math.ceil(lastVisibleTick()) + 1;
        for (Track t : project().tracks()) {
            if (t.id().equals(trackId) || !(t instanceof MidiTrack m) || m.instrument().isDrums()) {
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

    // ---- selection

    public Set<Note> selection() {
        return Collections.unmodifiableSet(selection);
    }

    public boolean isSelected(Note n) {
        return selection.contains(n);
    }

    /** Selects one note; its length becomes the length the draw tool uses next. */
    public void selectOnly(Note n) {
        selection.clear();
        selection.add(n);
        lastLength = n.lengthTicks();
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

    /** The selection's shared pitch, start, length and velocity for the note properties panel. */
    public NoteSummary selectionSummary() {
        return NoteSummary.of(selection, clipStart());
    }

    // ---- gestures: draw, move, duplicate, resize, erase

    /** Starts a gesture on the history: everything executed until {@link #endGesture()} is one undo step. */
    public void beginGesture(String label) {
        openGesture(label);
    }

    /** Ends the gesture under way, if any. */
    public void endGesture() {
        if (gestureOpen) {
            gestureOpen = false;
            history.endGesture();
        }
        changed();
    }

    /** Abandons the drag or gesture under way (Escape), restoring the notes from before it. */
    public void cancelDrag() {
        drag = DragKind.NONE;
        band = null;
        rulerDrag = RulerDrag.NONE;
        velocityStrokeX = Double.NaN;
        dropGesture();
        changed();
    }

    public DragKind dragKind() {
        return drag;
    }

    /** How far the drag under way moves the selection in time (ticks); 0 without one. */
    public long dragDeltaTicks() {
        return drag == DragKind.MOVE || drag == DragKind.DUPLICATE ? dragTicks : 0;
    }

    public int dragDeltaPitch() {
        return drag == DragKind.MOVE || drag == DragKind.DUPLICATE ? dragPitch : 0;
    }

    /** How much the resize under way lengthens (or shortens) the selected notes; 0 without one. */
    public long dragDeltaLength() {
        return drag == DragKind.RESIZE ? dragLength : 0;
    }

    /** Adds a note of the last used length at the snapped tick and pitch under the point; dragging then stretches it. */
    public void beginDraw(double x, double y) {
        long start = Math.max(0, snap.get().floor(tickAt(x)));
        openGesture("Draw note");
        if (!ensureClip()) {
            dropGesture();
            return;
        }
        long relative = start - clipStart();
        if (relative < 0) {
            dropGesture();
            status.set("A note cannot start before its clip");
            return;
        }
        Note note = new Note(pitchAt(y), relative, lastLength, DEFAULT_VELOCITY, channel());
        if (run(new AddNotes(trackId, clipId, List.of(note)))) {
            selectOnly(note);
            auditioner.accept(note.pitch());
            startResize(clipStart() + note.endTick(), note.lengthTicks());
        } else {
            dropGesture();
        }
    }

    /** Starts moving the selection; with {@code duplicate} the originals stay and moved copies are added on release. */
    public void beginMove(double x, double y, boolean duplicate) {
        if (selection.isEmpty()) {
            return;
        }
        drag = duplicate ? DragKind.DUPLICATE : DragKind.MOVE;
        anchorTick = tickAt(x);
        anchorPitch = pitchAt(y);
        dragTicks = 0;
        dragPitch = 0;
        lowTickLimit = Long.MAX_VALUE;
        lowPitchLimit = 127;
        highPitchLimit = 0;
        for (Note n : selection) {
            lowTickLimit = Math.min(lowTickLimit, n.startTick());
            lowPitchLimit = Math.min(lowPitchLimit, n.pitch());
            highPitchLimit = Math.max(highPitchLimit, n.pitch());
        }
        changed();
    }

    /** Moves the preview of the selection so it follows the pointer from where the move began, by snapped steps. */
    public void moveTo(double x, double y) {
        if (drag != DragKind.MOVE && drag != DragKind.DUPLICATE) {
            return;
        }
        long ticks = Math.max(-lowTickLimit, snap.get().round(tickAt(x) - anchorTick));
        int pitch = Math.max(-lowPitchLimit, Math.min(127 - highPitchLimit, pitchAt(y) - anchorPitch));
        if (ticks != dragTicks || pitch != dragPitch) {
            if (pitch != dragPitch && selection.size() == 1) {
                auditioner.accept(selection.iterator().next().pitch() + pitch);
            }
            dragTicks = ticks;
            dragPitch = pitch;
            changed();
        }
    }

    /** Starts resizing the selection by dragging the right end of {@code grabbed}. */
    public void beginResize(Note grabbed, double x) {
        startResize(tickAt(x), grabbed.lengthTicks());
    }

    private void startResize(long tick, long grabbedLength) {
        drag = DragKind.RESIZE;
        anchorTick = tick;
        anchorLength = grabbedLength;
        dragLength = 0;
        lowTickLimit = Long.MAX_VALUE;
        for (Note n : selection) {
            lowTickLimit = Math.min(lowTickLimit, n.lengthTicks());
        }
        changed();
    }

    /** Lengthens or shortens the preview by the snapped distance from where the resize began; no note below one tick. */
    public void resizeTo(double x) {
        if (drag != DragKind.RESIZE) {
            return;
        }
        long ticks = Math.max(1 - lowTickLimit, snap.get().round(tickAt(x) - anchorTick));
        if (ticks != dragLength) {
            dragLength = ticks;
            changed();
        }
    }

    /** Releases a move, duplicate or resize (or a draw): the preview becomes one command, one undo step. */
    public void endDrag() {
        DragKind kind = drag;
        drag = DragKind.NONE;
        List<Note> notes = List.copyOf(selection);
        switch (kind) {
            case MOVE -> {
                if ((dragTicks != 0 || dragPitch != 0) && run(new MoveNotes(trackId, clipId, notes, dragTicks, dragPitch))) {
                    long dt = dragTicks;
                    int dp = dragPitch;
                    replaceSelection(notes, n -> n.withPitch(n.pitch() + dp).withStart(n.startTick() + dt));
                }
            }
            case DUPLICATE -> {
                if (dragTicks != 0 || dragPitch != 0) {
                    List<Note> copies = new ArrayList<>(notes.size());
                    for (Note n : notes) {
                        copies.add(n.withPitch(n.pitch() + dragPitch).withStart(n.startTick() + dragTicks));
                    }
                    if (run(new CompoundEdit("Duplicate notes", List.of(new AddNotes(trackId, clipId, copies))))) {
                        selection.clear();
                        selection.addAll(copies);
                    }
                }
            }
            case RESIZE -> {
                if (dragLength != 0 && run(new ResizeNotes(trackId, clipId, notes, dragLength))) {
                    long dl = dragLength;
                    lastLength = Math.max(1, anchorLength + dl);
                    replaceSelection(notes, n -> n.withLength(Math.max(1, n.lengthTicks() + dl)));
                }
            }
            case NONE -> { }
        }
        endGesture();
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

    /** Starts a velocity stroke at a point of the lane; the whole stroke is one undo step. */
    public void beginVelocityStroke(double x, double y, double laneHeight) {
        openGesture("Draw velocity");
        velocityStrokeX = x;
        velocityStrokeValue = velocityAt(y, laneHeight);
        drawVelocity(x, velocityStrokeValue, x, velocityStrokeValue);
    }

    /**
     * Continues the stroke: the notes starting between the last point and this one (only selected
     * ones when there is a selection) take the velocity of the straight line between the two points,
     * so a fast sweep misses no note.
     */
    public void velocityStrokeTo(double x, double y, double laneHeight) {
        if (Double.isNaN(velocityStrokeX)) {
            return;
        }
        int value = velocityAt(y, laneHeight);
        drawVelocity(velocityStrokeX, velocityStrokeValue, x, value);
        velocityStrokeX = x;
        velocityStrokeValue = value;
    }

    public void endVelocityStroke() {
        velocityStrokeX = Double.NaN;
        endGesture();
    }

    private void drawVelocity(double x0, int v0, double x1, int v1) {
        MidiClip c = clip();
        if (c == null) {
            return;
        }
        double left = Math.min(x0, x1);
        double right = Math.max(x0, x1);
        List<Note> hit = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (Note n : c.notesStartingBetween(tickAt(left - 2) - c.startTick(), tickAt(right + 2) - c.startTick() + 1)) {
            if (!selection.isEmpty() && !selection.contains(n)) {
                continue;
            }
            double x = xOf(c.startTick() + n.startTick());
            double t = right - left < 1e-9 ? 1 : clamp((x - x0) / (x1 - x0), 0, 1);
            int v = (int) Math.round(v0 + t * (v1 - v0));
            if (n.velocity() != v) {
                hit.add(n);
                values.add(v);
            }
        }
        if (!hit.isEmpty() && run(new SetVelocity(trackId, clipId, hit, values))) {
            Set<Note> wasSelected = new LinkedHashSet<>(selection);
            if (!wasSelected.isEmpty()) {
                for (int i = 0; i < hit.size(); i++) {
                    selection.remove(hit.get(i));
                    selection.add(hit.get(i).withVelocity(values.get(i)));
                }
            }
            changed();
        }
    }

    // ---- one-shot actions on the selection

    public void deleteSelection() {
        if (!selection.isEmpty() && run(new RemoveNotes(trackId, clipId, List.copyOf(selection)))) {
            selection.clear();
            changed();
        }
    }

    /** Transposes the selection by semitones (12 for an octave). */
    public void transpose(int semitones) {
        if (selection.isEmpty() || semitones == 0) {
            return;
        }
        List<Note> notes = List.copyOf(selection);
        if (run(new TransposeNotes(trackId, clipId, notes, semitones))) {
            replaceSelection(notes, n -> n.withPitch(n.pitch() + semitones));
        }
    }

    /** Moves the selection by whole snap-grid steps in time (a sixteenth per step when snap is off), arrows left and right. */
    public void nudge(int steps) {
        if (selection.isEmpty() || steps == 0) {
            return;
        }
        long grid = snap.get().isOff() ? SnapGrid.SIXTEENTH.ticks() : snap.get().ticks();
        long earliest = selection.stream().mapToLong(Note::startTick).min().orElseThrow();
        long delta = Math.max(-earliest, steps * grid);
        List<Note> notes = List.copyOf(selection);
        if (delta != 0 && run(new MoveNotes(trackId, clipId, notes, delta, 0))) {
            replaceSelection(notes, n -> n.withStart(n.startTick() + delta));
        }
    }

    /** Quantizes with the snap grid (a sixteenth when snap is off) and the strength and swing properties. */
    public void quantize() {
        quantize(snap.get().isOff() ? SnapGrid.SIXTEENTH : snap.get(), quantizeStrength.get(), quantizeSwing.get());
    }

    /** Moves the starts of the selection (every note of the clip when none is selected) towards {@code grid}. */
    public void quantize(SnapGrid grid, double strength, double swing) {
        MidiClip c = clip();
        if (c == null || grid.isOff()) {
            return;
        }
        List<Note> notes = targets(c);
        QuantizeNotes q = new QuantizeNotes(trackId, clipId, notes, grid.ticks(), strength, swing);
        if (run(q)) {
            replaceSelection(notes, n -> n.withStart(
                    Math.max(0, n.startTick() + Math.round(strength * (q.target(n.startTick()) - n.startTick())))));
        }
    }

    /** Makes the selection (the whole clip when none) legato: each note lasts until the next onset. */
    public void legato() {
        MidiClip c = clip();
        if (c == null) {
            return;
        }
        LegatoNotes legato = new LegatoNotes(trackId, clipId, targets(c));
        if (run(legato)) {
            replaceSelection(legato.notes(), legato.result());
        }
    }

    /** Humanizes the selection (the whole clip when none) by the default amounts; the same seed gives the same result. */
    public void humanize(long seed) {
        humanize(DEFAULT_HUMANIZE_TICKS, DEFAULT_HUMANIZE_VELOCITY, seed);
    }

    public void humanize(long timingTicks, int velocityRange, long seed) {
        MidiClip c = clip();
        if (c == null) {
            return;
        }
        HumanizeNotes humanize = new HumanizeNotes(trackId, clipId, targets(c), timingTicks, velocityRange, seed);
        if (run(humanize)) {
            replaceSelection(humanize.notes(), humanize.result());
        }
    }

    /** Sets the pitch of every selected note (note properties panel). */
    public void setSelectedPitch(int pitch) {
        editSelection(n -> n.withPitch(pitch));
    }

    /** Moves the selection in time so that its earliest note starts at the absolute {@code tick}. */
    public void setSelectedStart(long tick) {
        if (selection.isEmpty()) {
            return;
        }
        long earliest = selection.stream().mapToLong(Note::startTick).min().orElseThrow();
        long delta = tick - clipStart() - earliest;
        List<Note> notes = List.copyOf(selection);
        if (delta != 0 && run(new MoveNotes(trackId, clipId, notes, delta, 0))) {
            replaceSelection(notes, n -> n.withStart(n.startTick() + delta));
        }
    }

    public void setSelectedLength(long ticks) {
        editSelection(n -> n.withLength(ticks));
    }

    public void setSelectedVelocity(int velocity) {
        editSelection(n -> n.withVelocity(velocity));
    }

    /**
     * Applies what was typed into a field of the note properties panel: "pitch" (C4, F#3 or a
     * number), "start" (bar.beat.tick), "length" (ticks) or "velocity" (1..127). Text that does
     * not read leaves the notes alone and says why in {@link #statusProperty()}.
     */
    public void applyProperty(String field, String text) {
        try {
            switch (field) {
                case "pitch" -> setSelectedPitch(parsePitch(text));
                case "start" -> setSelectedStart(parsePosition(text));
                case "length" -> setSelectedLength(parseWhole(text, "length", 1, Ppq.MAX_TICK));
                case "velocity" -> setSelectedVelocity((int) parseWhole(text, "velocity", 1, 127));
                default -> throw new IllegalArgumentException("no note property " + field);
            }
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
        }
    }

    private static long parseWhole(String text, String what, long low, long high) {
        String message = what + " must be a whole number " + low + ".." + high + "; was \"" + text + "\"";
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(message, e);
        }
        if (value < low || value > high) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    private void editSelection(UnaryOperator<Note> change) {
        if (selection.isEmpty()) {
            return;
        }
        List<Note> notes = List.copyOf(selection);
        List<Note> changed;
        try {
            changed = notes.stream().map(change).toList();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        if (!changed.equals(notes) && run(new ReplaceNotes(trackId, clipId, notes, changed))) {
            replaceSelection(notes, changed);
        }
    }

    private List<Note> targets(MidiClip c) {
        return selection.isEmpty() ? c.notes() : List.copyOf(selection);
    }

    // ---- clipboard

    /** Copies the selection to the piano roll's clipboard (first note at tick 0); it survives switching tracks. */
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
        pasteAt(cursor.get());
    }

    /**
     * Pastes the clipboard with its first note at absolute {@code tick} into whichever MIDI track is
     * shown (notes keep their channel unless the track is drums or not); the pasted notes become the selection.
     */
    public void pasteAt(long tick) {
        if (clipboard.isEmpty() || trackId == null) {
            return;
        }
        openGesture("Paste");
        if (!ensureClip() || tick < clipStart()) {
            dropGesture();
            status.set("Paste needs a MIDI clip that starts at or before the cursor");
            return;
        }
        List<Note> pasted = new ArrayList<>(clipboard.size());
        int channel = channel();
        for (Note n : clipboard) {
            pasted.add(new Note(n.pitch(), n.startTick() + tick - clipStart(), n.lengthTicks(), n.velocity(), channel));
        }
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
        List<Note> copies = new ArrayList<>(selection.size());
        for (Note n : selection) {
            copies.add(n.withStart(n.startTick() + offset));
        }
        if (run(new CompoundEdit("Duplicate", List.of(new AddNotes(trackId, clipId, copies))))) {
            selection.clear();
            selection.addAll(copies);
            changed();
        }
    }

    // ---- internals

    /** The channel new notes get: the track instrument's. */
    private int channel() {
        MidiTrack t = track();
        return t == null ? 0 : t.instrument().channel();
    }

    /** Creates an empty four-bar clip from tick 0 on the shown track when it has none, so that there is somewhere to draw. */
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
            executing = true;
            history.execute(command);
            status.set("");
            return true;
        } catch (IllegalArgumentException e) {
            status.set(command.label() + " failed: " + e.getMessage());
            return false;
        } finally {
            executing = false;
        }
    }

    private void replaceSelection(List<Note> before, UnaryOperator<Note> change) {
        List<Note> after = new ArrayList<>(before.size());
        for (Note n : before) {
            after.add(change.apply(n));
        }
        replaceSelection(before, after);
    }

    private void replaceSelection(Collection<Note> before, List<Note> after) {
        boolean wasEmpty = selection.isEmpty();
        for (Note n : before) {
            selection.remove(n);
        }
        if (!wasEmpty) {
            selection.addAll(after);
        }
        changed();
    }

    /**
     * After any change to the song (undo, redo, open, an edit from elsewhere): forget selected notes
     * that are gone. Edits made here map the selection themselves, so they are left alone.
     */
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
        if (c != null && !selection.isEmpty() && !history.inGesture() && !executing) {
            selection.removeIf(n -> c.indexOf(n) < 0);
        }
        changed();
    }

    /** Starts a History gesture that this piano roll owns, so that it never ends or cancels someone else's. */
    private void openGesture(String label) {
        history.beginGesture(label);
        gestureOpen = true;
    }

    private void dropGesture() {
        if (gestureOpen) {
            gestureOpen = false;
            history.cancelGesture();
        }
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
