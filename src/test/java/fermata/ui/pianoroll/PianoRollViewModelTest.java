package fermata.ui.pianoroll;

import fermata.core.edit.History;
import fermata.core.model.AudioTrack;
import fermata.core.model.Instrument;
import fermata.core.model.KeySignature;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.TimeSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The piano roll's state and actions without a toolkit: tools are driven with synthetic pointers in
 * note-area pixels. The view shows bars 1..4 on 960 pixels (16 ticks a pixel) and pitches 48..71 on
 * 480 pixels (20 pixels a row), so a quarter note is 60 pixels wide.
 */
class PianoRollViewModelTest {
    private static final Note C = new Note(60, 0, 960, 100);
    private static final Note E = new Note(64, 960, 960, 80);
    private static final Note G = new Note(67, 1920, 480, 60);
    private static final Note BASS = new Note(36, 0, 1920, 90, 1);

    private History history;
    private PianoRollViewModel roll;

    static Project song() {
        MidiTrack piano = new MidiTrack("piano", "Piano", Instrument.PIANO, MixerSettings.UNITY,
                List.of(new MidiClip("piano-clip", 0, 15360, List.of(C, E, G))));
        MidiTrack bass = new MidiTrack("bass", "Bass", new Instrument(33, 0, 0, 1), MixerSettings.UNITY,
                List.of(new MidiClip("bass-clip", 0, 15360, List.of(BASS))));
        MidiTrack empty = new MidiTrack("lead", "Lead", new Instrument(80, 0, 0, 2), MixerSettings.UNITY, List.of());
        AudioTrack vox = new AudioTrack("vox", "Vocals", MixerSettings.UNITY, List.of());
        return Project.empty("Song").withTracks(List.of(piano, bass, empty, vox))
                .withKeySignatures(List.of(new KeySignature(0, 0, false)));
    }

    @BeforeEach
    void setUp() {
        history = new History(song());
        roll = new PianoRollViewModel(history);
        roll.setSize(960, 480);
        roll.showBars(1, 4);
        roll.showPitches(48, 71);
        roll.showTrack("piano");
    }

    private List<Note> notes() {
        return notes("piano");
    }

    private List<Note> notes(String track) {
        MidiTrack t = history.current().midiTrack(track);
        return t.clips().isEmpty() ? List.of() : t.clips().get(0).notes();
    }

    /** Middle of the row of a pitch. */
    private double y(int pitch) {
        return roll.yOf(pitch) + roll.pixelsPerKey() / 2;
    }

    private double x(long tick) {
        return roll.xOf(tick);
    }

    private void drag(PianoRollTool tool, Pointer from, Pointer to) {
        tool.press(roll, from);
        tool.drag(roll, new Pointer((from.x() + to.x()) / 2, (from.y() + to.y()) / 2, to.shift(), to.alt()));
        tool.drag(roll, to);
        tool.release(roll, to);
    }

    private void click(PianoRollTool tool, Pointer at) {
        tool.press(roll, at);
        tool.release(roll, at);
    }

    /** Undo gives back the very project from before the action, redo the one after it. */
    private void assertUndoRedo(Project before) {
        Project after = history.current();
        assertNotEquals(before, after, "the action changed the project");
        history.undo();
        assertSame(before, history.current());
        history.redo();
        assertEquals(after, history.current());
    }

    // ---- coordinates, zoom, positions

    @Test
    void convertsBetweenPixelsTicksAndPitches() {
        assertEquals(16, roll.ticksPerPixel(), 1e-9);
        assertEquals(20, roll.pixelsPerKey(), 1e-9);
        assertEquals(48, roll.lowestPitch());
        assertEquals(71, roll.highestPitch());
        assertEquals(960, roll.tickAt(60));
        assertEquals(60, roll.xOf(960), 1e-9);
        assertEquals(48, roll.pitchAt(479));
        assertEquals(71, roll.pitchAt(0));
        assertEquals(460, roll.yOf(48), 1e-9);
        for (int p = 48; p <= 71; p++) {
            assertEquals(p, roll.pitchAt(y(p)));
        }
    }

    @Test
    void zoomKeepsTheTickUnderThePointerAndClampsThePitchRange() {
        long under = roll.tickAt(300);
        roll.zoomTime(2, 300);
        assertEquals(8, roll.ticksPerPixel(), 1e-9);
        assertEquals(under, roll.tickAt(300));
        roll.zoomIn();
        assertEquals(8 / 1.5, roll.ticksPerPixel(), 1e-9);
        roll.zoomOut();
        roll.zoomOut();
        assertEquals(12, roll.ticksPerPixel(), 1e-9);
        roll.zoomPitchIn();
        assertEquals(25, roll.pixelsPerKey(), 1e-9);
        roll.zoomPitchOut();
        assertEquals(20, roll.pixelsPerKey(), 1e-9);
        roll.scrollPitchTo(200);
        assertEquals(127, roll.highestPitch());
        assertEquals(104, roll.lowestPitch());
        roll.scrollPitchTo(-5);
        assertEquals(0, roll.lowestPitch());
        roll.scrollTimeTo(-100);
        assertEquals(0, roll.firstTick(), 1e-9);
    }

    @Test
    void barsAndPositionsFollowTimeSignatureChanges() {
        history.reset(history.current().withTimeSignatures(List.of(TimeSignature.COMMON, new TimeSignature(7680, 3, 4))));
        assertEquals(3840, roll.barStart(2));
        assertEquals(7680, roll.barStart(3));
        assertEquals(7680 + 2880, roll.barStart(4));
        assertEquals("1.1.0", roll.formatPosition(0));
        assertEquals("1.2.120", roll.formatPosition(1080));
        assertEquals("4.1.0", roll.formatPosition(10560));
        assertEquals("3.3.0", roll.formatPosition(7680 + 1920));
        assertEquals(7680 + 1920 + 5, roll.parsePosition("3.3.5"));
        assertEquals(3840, roll.parsePosition("2"));
        assertThrows(IllegalArgumentException.class, () -> roll.parsePosition("0.1.0"));
        assertThrows(IllegalArgumentException.class, () -> roll.parsePosition("two"));
        List<GridLine> bars = roll.gridLines().stream().filter(l -> l.kind() == GridLine.Kind.BAR).toList();
        assertEquals(List.of(1, 2, 3, 4, 5), bars.stream().map(GridLine::bar).toList(), "bar 5 starts at 13440, in view");
        assertEquals(x(10560), bars.get(3).x(), 1e-9);
    }

    @Test
    void pitchNamesReadBackAndRefuseNonsense() {
        assertEquals("C4", PianoRollViewModel.pitchName(60));
        assertEquals(60, PianoRollViewModel.parsePitch("C4"));
        assertEquals(66, PianoRollViewModel.parsePitch("F#4"));
        assertEquals(70, PianoRollViewModel.parsePitch("Bb4"));
        assertEquals(0, PianoRollViewModel.parsePitch("C-1"));
        assertEquals(101, PianoRollViewModel.parsePitch("101"));
        assertThrows(IllegalArgumentException.class, () -> PianoRollViewModel.parsePitch("H2"));
        assertThrows(IllegalArgumentException.class, () -> PianoRollViewModel.parsePitch("G#9"));
    }

    // ---- snap

    @Test
    void snapGridsFromWholeToSixtyFourthWithTriplets() {
        assertEquals(3840, new SnapGrid(1, false).ticks());
        assertEquals(960, new SnapGrid(4, false).ticks());
        assertEquals(320, new SnapGrid(8, true).ticks());
        assertEquals(160, new SnapGrid(16, true).ticks());
        assertEquals(60, new SnapGrid(64, false).ticks());
        assertEquals(40, new SnapGrid(64, true).ticks());
        assertEquals(1, SnapGrid.OFF.ticks());
        SnapGrid eighthTriplet = new SnapGrid(8, true);
        assertEquals(640, eighthTriplet.floor(959));
        assertEquals(960, eighthTriplet.round(801));
        assertEquals(640, eighthTriplet.round(799));
        assertEquals(1234, SnapGrid.OFF.round(1234));
        assertEquals("1/8T", eighthTriplet.toString());
        assertThrows(IllegalArgumentException.class, () -> new SnapGrid(3, false));
        assertThrows(IllegalArgumentException.class, () -> new SnapGrid(128, false));
    }

    @Test
    void drawingOnATripletGridPlacesTheNoteOnTheTriplet() {
        roll.snapProperty().set(new SnapGrid(8, true));
        roll.setLastLength(320);
        click(new DrawTool(), Pointer.at(x(700), y(50)));
        assertTrue(notes().contains(new Note(50, 640, 320, 100)), notes().toString());
    }

    // ---- tools

    @Test
    void drawAddsANoteOfTheLastLengthAndDraggingStretchesItInOneStep() {
        Project before = history.current();
        List<Integer> sounded = new ArrayList<>();
        roll.setAuditioner(sounded::add);
        DrawTool draw = new DrawTool();
        click(draw, Pointer.at(x(3840 + 100), y(55)));
        Note drawn = new Note(55, 3840, 960, PianoRollViewModel.DEFAULT_VELOCITY, 0);
        assertTrue(notes().contains(drawn));
        assertEquals(Set.of(drawn), roll.selection());
        assertEquals(List.of(55), sounded);
        assertUndoRedo(before);

        Project second = history.current();
        draw.press(roll, Pointer.at(x(7680), y(57)));
        draw.drag(roll, Pointer.at(x(7680 + 960 + 400), y(57)));
        assertEquals(480, roll.dragDeltaLength(), "previewed, rounded to the sixteenth grid");
        draw.drag(roll, Pointer.at(x(7680 + 960 + 960), y(57)));
        draw.release(roll, Pointer.at(x(7680 + 960 + 960), y(57)));
        assertTrue(notes().contains(new Note(57, 7680, 1920, 100)), notes().toString());
        assertEquals(1920, roll.lastLength(), "the next note drawn is as long");
        assertEquals("Draw note", history.undoLabel());
        assertUndoRedo(second);
    }

    @Test
    void drawingOnAnEmptyTrackCreatesItsClipWithTheTrackChannel() {
        roll.showTrack("lead");
        Project before = history.current();
        click(new DrawTool(), Pointer.at(x(0), y(70)));
        assertEquals(List.of(new Note(70, 0, 960, 100, 2)), notes("lead"));
        assertEquals(1, history.undoDepth(), "clip and note are one step");
        assertUndoRedo(before);
    }

    @Test
    void clickShiftClickAndRubberBandSelect() {
        SelectTool select = new SelectTool();
        click(select, Pointer.at(x(100), y(60)));
        assertEquals(Set.of(C), roll.selection());
        click(select, new Pointer(x(1000), y(64), true, false));
        assertEquals(Set.of(C, E), roll.selection());
        click(select, new Pointer(x(100), y(60), true, false));
        assertEquals(Set.of(E), roll.selection());

        drag(select, Pointer.at(x(900), y(68)), Pointer.at(x(2000), y(63)));
        assertEquals(Set.of(E, G), roll.selection(), "the band reaches the notes it touches");
        assertNull(roll.band());
        drag(select, new Pointer(x(0), y(61), true, false), new Pointer(x(500), y(59), true, false));
        assertEquals(Set.of(C, E, G), roll.selection(), "shift adds the band to the selection");
        click(select, Pointer.at(x(5000), y(50)));
        assertTrue(roll.selection().isEmpty(), "a click on empty space clears it");
        roll.selectAll();
        assertEquals(Set.of(C, E, G), roll.selection());
        assertEquals(0, history.undoDepth(), "selecting is not an edit");
    }

    @Test
    void eraseSweepIsOneUndoStep() {
        Project before = history.current();
        EraseTool erase = new EraseTool();
        erase.press(roll, Pointer.at(x(100), y(60)));
        erase.drag(roll, Pointer.at(x(1000), y(64)));
        erase.drag(roll, Pointer.at(x(1500), y(50)));
        erase.release(roll, Pointer.at(x(1500), y(50)));
        assertEquals(List.of(G), notes());
        assertEquals(1, history.undoDepth());
        assertUndoRedo(before);
    }

    @Test
    void dragMovesTheSelectionAsAPreviewThenOneCommand() {
        Project before = history.current();
        SelectTool select = new SelectTool();
        roll.selectAll();
        select.press(roll, Pointer.at(x(1000), y(64)));
        select.drag(roll, Pointer.at(x(1000 + 950), y(66)));
        assertEquals(PianoRollViewModel.DragKind.MOVE, roll.dragKind());
        assertEquals(960, roll.dragDeltaTicks());
        assertEquals(2, roll.dragDeltaPitch());
        assertSame(before, history.current(), "nothing changes until release");
        select.release(roll, Pointer.at(x(1000 + 950), y(66)));
        assertEquals(List.of(new Note(62, 960, 960, 100), new Note(66, 1920, 960, 80), new Note(69, 2880, 480, 60)), notes());
        assertEquals(Set.copyOf(notes()), roll.selection(), "the moved notes stay selected");
        assertEquals("Move notes", history.undoLabel());
        assertUndoRedo(before);
    }

    @Test
    void moveStopsAtTheClipStartAndTheMidiRange() {
        SelectTool select = new SelectTool();
        click(select, Pointer.at(x(1000), y(64)));
        select.press(roll, Pointer.at(x(1000), y(64)));
        select.drag(roll, Pointer.at(x(0), y(64)));
        select.drag(roll, Pointer.at(-500, y(64)));
        assertEquals(-960, roll.dragDeltaTicks());
        select.release(roll, Pointer.at(-500, y(64)));
        assertTrue(notes().contains(new Note(64, 0, 960, 80)));
    }

    @Test
    void dragOnTheRightEdgeResizesTheSelection() {
        Project before = history.current();
        SelectTool select = new SelectTool();
        click(select, Pointer.at(x(100), y(60)));
        click(select, new Pointer(x(1000), y(64), true, false));
        drag(select, Pointer.at(x(960) - 2, y(60)), Pointer.at(x(960 + 480) - 2, y(60)));
        assertEquals(List.of(new Note(60, 0, 1440, 100), new Note(64, 960, 1440, 80), G), notes());
        assertEquals("Resize notes", history.undoLabel());
        assertUndoRedo(before);
    }

    @Test
    void altDragDuplicatesAndKeepsTheOriginals() {
        Project before = history.current();
        SelectTool select = new SelectTool();
        click(select, Pointer.at(x(100), y(60)));
        drag(select, new Pointer(x(100), y(60), false, true), new Pointer(x(100 + 3840), y(60), false, true));
        assertEquals(List.of(C, E, G, new Note(60, 3840, 960, 100)), notes());
        assertEquals(Set.of(new Note(60, 3840, 960, 100)), roll.selection(), "the copies are selected");
        assertEquals(1, history.undoDepth());
        assertUndoRedo(before);
    }

    @Test
    void escapeCancelsADragAndADraw() {
        Project before = history.current();
        SelectTool select = new SelectTool();
        roll.selectAll();
        select.press(roll, Pointer.at(x(1000), y(64)));
        select.drag(roll, Pointer.at(x(2000), y(66)));
        roll.cancelDrag();
        select.release(roll, Pointer.at(x(2000), y(66)));
        assertSame(before, history.current());
        DrawTool draw = new DrawTool();
        draw.press(roll, Pointer.at(x(5000), y(50)));
        roll.cancelDrag();
        draw.release(roll, Pointer.at(x(6000), y(50)));
        assertSame(before, history.current());
        assertEquals(0, history.undoDepth());

        history.beginGesture("someone else's");
        roll.showTrack("bass");
        roll.cancelDrag();
        assertTrue(history.inGesture(), "the piano roll leaves gestures it did not open alone");
        history.endGesture();
    }

    @Test
    void velocityStrokeSetsTheNotesAlongTheLineInOneStep() {
        Project before = history.current();
        double lane = 100;
        roll.beginVelocityStroke(x(0), 0, lane);
        roll.velocityStrokeTo(x(1920), lane, lane);
        roll.endVelocityStroke();
        assertEquals(List.of(C.withVelocity(127), E.withVelocity(64), G.withVelocity(1)), notes(),
                "the line from 127 to 1 crosses E at its middle");
        assertEquals("Draw velocity", history.undoLabel());
        assertEquals(1, history.undoDepth());
        assertUndoRedo(before);

        roll.selectOnly(notes().get(1));
        roll.beginVelocityStroke(x(0), 50, lane);
        roll.velocityStrokeTo(x(3000), 50, lane);
        roll.endVelocityStroke();
        assertEquals(List.of(127, 64, 1).get(0), notes().get(0).velocity(), "with a selection only selected notes change");
        assertEquals(64, notes().get(1).velocity());
        assertEquals(1, notes().get(2).velocity());
        assertEquals(PianoRollViewModel.velocityAt(0, lane), 127);
        assertEquals(PianoRollViewModel.velocityAt(lane, lane), 1);
    }

    // ---- one-shot actions

    @Test
    void quantizeAppliesStrengthAndSwing() {
        history.reset(history.current().withTrack("piano", t -> ((MidiTrack) t).withClip("piano-clip",
                c -> c.withNotes(List.of(new Note(60, 100, 240, 90), new Note(62, 430, 240, 90), new Note(64, 1010, 240, 90))))));
        roll.showTrack("piano");
        Project before = history.current();
        roll.quantize(new SnapGrid(8, false), 0.5, 0);
        assertEquals(List.of(50L, 455L, 985L), notes().stream().map(Note::startTick).toList(), "half way to 0, 480, 960");
        assertUndoRedo(before);
        history.undo();

        roll.snapProperty().set(new SnapGrid(8, false));
        roll.quantizeStrengthProperty().set(1);
        roll.quantizeSwingProperty().set(1);
        roll.quantize();
        assertEquals(List.of(0L, 640L, 960L), notes().stream().map(Note::startTick).toList(),
                "full swing puts the off-beat eighth on the triplet");
    }

    @Test
    void transposeBySemitoneAndOctaveWithinTheMidiRange() {
        Project before = history.current();
        roll.selectAll();
        roll.transpose(1);
        assertEquals(List.of(61, 65, 68), notes().stream().map(Note::pitch).toList());
        assertUndoRedo(before);
        assertTrue(roll.selection().isEmpty(), "undo forgot the transposed notes");
        roll.selectAll();
        Project raised = history.current();
        roll.transpose(12);
        assertEquals(List.of(73, 77, 80), notes().stream().map(Note::pitch).toList());
        assertEquals(Set.copyOf(notes()), roll.selection());
        assertUndoRedo(raised);
        roll.selectAll();
        roll.transpose(60);
        assertEquals(List.of(73, 77, 80), notes().stream().map(Note::pitch).toList(), "127 is the top");
        assertTrue(roll.statusProperty().get().contains("0..127"), roll.statusProperty().get());
    }

    @Test
    void legatoFillsTheGapsToTheNextOnset() {
        history.reset(history.current().withTrack("piano", t -> ((MidiTrack) t).withClip("piano-clip",
                c -> c.withNotes(List.of(new Note(60, 0, 100, 90), new Note(64, 0, 200, 90), new Note(67, 960, 2000, 90),
                        new Note(72, 1440, 10, 90))))));
        roll.showTrack("piano");
        Project before = history.current();
        roll.legato();
        assertEquals(List.of(new Note(60, 0, 960, 90), new Note(64, 0, 960, 90), new Note(67, 960, 480, 90),
                new Note(72, 1440, 10, 90)), notes());
        assertUndoRedo(before);
    }

    @Test
    void humanizeIsTheSameForTheSameSeedAndWithinItsBounds() {
        Project before = history.current();
        roll.selectAll();
        roll.humanize(30, 10, 42);
        List<Note> first = notes();
        assertUndoRedo(before);
        history.undo();

        History other = new History(song());
        PianoRollViewModel otherRoll = new PianoRollViewModel(other);
        otherRoll.showTrack("piano");
        otherRoll.humanize(30, 10, 42);
        assertEquals(first, other.current().midiTrack("piano").clip("piano-clip").notes(), "same seed, same notes");
        roll.humanize(30, 10, 43);
        assertNotEquals(first, notes(), "another seed, other notes");

        List<Note> original = List.of(C, E, G);
        List<Note> moved = new ArrayList<>(first);
        moved.sort((a, b) -> Integer.compare(a.pitch(), b.pitch()));
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(moved.get(i).startTick() - original.get(i).startTick()) <= 30);
            assertTrue(Math.abs(moved.get(i).velocity() - original.get(i).velocity()) <= 10);
            assertEquals(original.get(i).lengthTicks(), moved.get(i).lengthTicks());
        }
    }

    @Test
    void deleteNudgeAndDuplicate() {
        Project before = history.current();
        roll.selectOnly(C);
        roll.nudge(2);
        assertEquals(new Note(60, 480, 960, 100), notes().get(0));
        assertUndoRedo(before);
        roll.selectOnly(notes().get(0));
        Project nudged = history.current();
        roll.nudge(-5);
        assertEquals(0, notes().get(0).startTick(), "not before the clip");
        assertUndoRedo(nudged);

        Project beforeDuplicate = history.current();
        roll.selectAll();
        roll.duplicate();
        assertEquals(6, notes().size());
        assertTrue(notes().contains(G.withStart(G.startTick() + 2400)), "copied a whole number of grid steps after");
        assertEquals(3, roll.selection().size());
        assertUndoRedo(beforeDuplicate);
        roll.selectAll();

        Project beforeDelete = history.current();
        roll.deleteSelection();
        assertTrue(notes().isEmpty());
        assertTrue(roll.selection().isEmpty());
        assertUndoRedo(beforeDelete);
    }

    @Test
    void copyAndPasteAcrossTracksAtTheCursor() {
        Project before = history.current();
        roll.selectOnly(E);
        roll.toggleSelected(G);
        roll.copy();
        roll.showTrack("bass");
        assertEquals(List.of(E.withStart(0), G.withStart(960)), roll.clipboard(), "the clipboard survives switching tracks");
        roll.setCursorTick(3840);
        roll.paste();
        assertEquals(List.of(BASS, new Note(64, 3840, 960, 80, 1), new Note(67, 4800, 480, 60, 1)), notes("bass"),
                "pasted at the cursor on the bass channel");
        assertEquals(List.of(C, E, G), notes("piano"));
        assertEquals(2, roll.selection().size());
        assertUndoRedo(before);

        Project beforeCut = history.current();
        roll.showTrack("piano");
        roll.selectOnly(C);
        roll.cut();
        assertEquals(List.of(E, G), notes());
        assertEquals(List.of(C), roll.clipboard());
        assertUndoRedo(beforeCut);
        roll.showTrack("lead");
        roll.pasteAt(1920);
        assertEquals(List.of(new Note(60, 1920, 960, 100, 2)), notes("lead"), "pasting into a track without a clip makes one");
    }

    @Test
    void notePropertiesEditTheSelectionAsCommands() {
        roll.selectOnly(E);
        NoteSummary one = roll.selectionSummary();
        assertEquals(new NoteSummary(1, 64, 960L, 960L, 80), one);
        Project before = history.current();
        roll.applyProperty("pitch", "D4");
        assertEquals(new Note(62, 960, 960, 80), notes().get(1));
        assertUndoRedo(before);
        roll.selectOnly(notes().get(1));
        roll.applyProperty("start", "2.1.0");
        roll.applyProperty("length", "240");
        roll.applyProperty("velocity", "127");
        assertEquals(new Note(62, 3840, 240, 127), notes().get(2));
        assertEquals(Set.of(new Note(62, 3840, 240, 127)), roll.selection());
        int depth = history.undoDepth();
        roll.applyProperty("velocity", "200");
        assertTrue(roll.statusProperty().get().contains("1..127"));
        assertEquals(depth, history.undoDepth());

        roll.selectAll();
        NoteSummary mixed = roll.selectionSummary();
        assertEquals(3, mixed.count());
        assertNull(mixed.pitch());
        assertEquals(0L, mixed.start());
    }

    // ---- transport, scale, audition

    @Test
    void rulerDragsTheLoopAndAClickPlacesTheCursor() {
        roll.rulerPress(x(3840));
        roll.rulerDrag(x(3840) + 1);
        assertNull(roll.loopRegionProperty().get(), "a tremble is a click");
        roll.rulerDrag(x(7700));
        roll.rulerRelease(x(7700));
        assertEquals(new LoopRegion(3840, 7680), roll.loopRegionProperty().get());
        roll.rulerPress(x(7680) + 2);
        roll.rulerDrag(x(11520));
        roll.rulerRelease(x(11520));
        assertEquals(new LoopRegion(3840, 11520), roll.loopRegionProperty().get(), "the end edge was grabbed");
        roll.rulerPress(x(1000));
        roll.rulerRelease(x(1000));
        assertEquals(960, roll.cursorTick(), "click snaps the cursor to the grid at or before it");
        assertEquals(new LoopRegion(3840, 11520), roll.loopRegionProperty().get());
        assertEquals(0, history.undoDepth());
    }

    @Test
    void playheadFollowingPagesTheView() {
        roll.setPlayheadTick(3840);
        assertEquals(0, roll.firstTick(), 1e-9, "still in view");
        roll.setPlayheadTick(15000);
        assertEquals(15000 - 0.1 * 960 * 16, roll.firstTick(), 1e-9);
        assertEquals(15000, roll.playheadTickProperty().get());
        roll.followPlayheadProperty().set(false);
        roll.setPlayheadTick(100);
        assertEquals(15000 - 0.1 * 960 * 16, roll.firstTick(), 1e-9);
    }

    @Test
    void scaleHighlightingFollowsTheKey() {
        assertEquals(new KeySignature(0, 0, false), roll.scaleKeyProperty().get(), "starts from the song's key");
        assertTrue(roll.isInScale(60));
        assertFalse(roll.isInScale(61));
        assertTrue(roll.isTonic(48));
        roll.scaleKeyProperty().set(PianoRollViewModel.keySignature(2, true));
        assertEquals(new KeySignature(0, -1, true), roll.scaleKeyProperty().get(), "D minor has one flat");
        assertTrue(roll.isInScale(70), "B flat");
        assertFalse(roll.isInScale(71));
        assertEquals(6, PianoRollViewModel.keySignature(6, false).sharps());
        assertEquals(-2, PianoRollViewModel.keySignature(10, false).sharps());
        roll.scaleKeyProperty().set(null);
        assertFalse(roll.isInScale(60));

        List<Note> aMinor = new ArrayList<>();
        int[] steps = {57, 59, 60, 62, 64, 65, 67, 69, 64, 57, 60, 64, 69, 57};
        for (int i = 0; i < steps.length; i++) {
            aMinor.add(new Note(steps[i], i * 480L, 480, 90));
        }
        history.reset(history.current()
                .withTrack("piano", t -> ((MidiTrack) t).withClip("piano-clip", c -> c.withNotes(aMinor)))
                .withTrack("bass", t -> ((MidiTrack) t).withClip("bass-clip", c -> c.withNotes(List.of(new Note(45, 0, 6720, 90, 1))))));
        roll.showTrack("piano");
        roll.detectKeyAndChords();
        assertEquals(new KeySignature(0, 0, true), roll.scaleKeyProperty().get());
        assertFalse(roll.chords().isEmpty(), "chords found");
        ChordMark held = roll.chords().stream().filter(c -> c.startTick() <= 3840 && c.endTick() > 3840).findFirst().orElseThrow();
        assertEquals("Am", held.label(), roll.chords().toString());
        assertTrue(held.hasTone(57) && held.hasTone(60) && held.hasTone(64) && !held.hasTone(59));
        assertEquals(roll.chords(), roll.visibleChords().subList(0, roll.chords().size()), "all in the first four bars");
        assertEquals((1 << 1) | (1 << 4) | (1 << 8) | (1 << 11), fermata.core.analysis.tonal.ChordRecognizer.tones("C#m7"));
        assertEquals(0, fermata.core.analysis.tonal.ChordRecognizer.tones("N"));
    }

    @Test
    void keyboardClickSoundsThePitch() {
        List<Integer> sounded = new ArrayList<>();
        roll.setAuditioner(sounded::add);
        roll.keyboardPress(y(67));
        roll.keyboardPress(y(48));
        assertEquals(List.of(67, 48), sounded);
    }

    @Test
    void visibleNotesComeFromTheRangeQueryAndGhostsFromOtherTracks() {
        roll.scrollTimeTo(1500);
        assertEquals(List.of(E, G), roll.visibleNotes(), "C ends at 960, before the view");
        assertEquals(List.of(BASS), roll.visibleGhostNotes());
        roll.showTrack("vox");
        assertNull(roll.trackId(), "an audio track shows nothing to edit");
        assertTrue(roll.visibleNotes().isEmpty());
    }

    @Test
    void undoForgetsSelectedNotesThatAreGone() {
        roll.selectOnly(C);
        roll.duplicate();
        Note copy = roll.selection().iterator().next();
        history.undo();
        assertFalse(roll.selection().contains(copy));
        assertTrue(roll.selection().isEmpty());
    }
}
