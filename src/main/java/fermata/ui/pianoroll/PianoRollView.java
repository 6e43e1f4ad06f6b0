package fermata.ui.pianoroll;

import fermata.core.model.KeySignature;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Ppq;
import fermata.core.model.Tempo;
import fermata.core.model.TimeSignature;
import fermata.ui.common.CanvasPane;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The piano roll drawn on one {@link Canvas}: keyboard on the left, ruler (with the loop region) and
 * the tempo and time-signature lane on top, the velocity lane at the bottom, notes in between. It
 * draws only what the viewport shows, through the clip's range queries, so a clip of tens of
 * thousands of notes costs what its visible part costs; notes hidden under an already drawn note
 * of the same row (a zoomed-out dense clip) are skipped. Mouse and keys become
 * {@link PianoRollViewModel} calls; the tick/pitch arithmetic lives there.
 */
public final class PianoRollView extends CanvasPane {
    public static final double KEYBOARD_WIDTH = 56;
    public static final double RULER_HEIGHT = 24;
    public static final double TEMPO_LANE_HEIGHT = 18;
    public static final double CHORD_LANE_HEIGHT = 18;
    /** Top of the note area: below the ruler, the tempo lane and the chord strip. */
    public static final double NOTES_TOP = RULER_HEIGHT + TEMPO_LANE_HEIGHT + CHORD_LANE_HEIGHT;
    public static final double VELOCITY_LANE_HEIGHT = 84;
    /** The divider above the velocity lane. */
    public static final double LANE_GAP = 4;

    private static final Color BACKGROUND = Color.web("#1b1f24");
    private static final Color ROW_WHITE = Color.web("#22272e");
    private static final Color ROW_BLACK = Color.web("#1c2026");
    private static final Color ROW_SCALE = Color.web("#2a313a");
    private static final Color ROW_TONIC = Color.web("#2f3a48");
    private static final Color ROW_OUT_OF_SCALE = Color.web("#1a1d22");
    private static final Color ROW_LINE = Color.web("#161a1f");
    private static final Color OCTAVE_LINE = Color.web("#3b434f");
    private static final Color BAR_LINE = Color.web("#4f5866");
    private static final Color BEAT_LINE = Color.web("#333a44");
    private static final Color GRID_LINE = Color.web("#282e36");
    private static final Color GHOST = Color.web("#8b949e", 0.28);
    private static final Color SELECTED = Color.web("#ffd166");
    private static final Color OUTLINE = Color.web("#0d1117", 0.85);
    private static final Color RULER = Color.web("#262c34");
    private static final Color TEMPO_LANE = Color.web("#20252c");
    private static final Color TEXT = Color.web("#c9d1d9");
    private static final Color DIM_TEXT = Color.web("#8b949e");
    private static final Color LANE = Color.web("#161b22");
    private static final Color LANE_GUIDE = Color.web("#262c34");
    private static final Color DIVIDER = Color.web("#0d1117");
    private static final Color CURSOR = Color.web("#58a6ff");
    private static final Color PLAYHEAD = Color.web("#f85149");
    private static final Color LOOP = Color.web("#3fb950");
    private static final Color LOOP_SHADE = Color.web("#3fb950", 0.07);
    private static final Color LOOP_OFF = Color.web("#3fb950", 0.35);
    private static final Color CHORD_TINT = Color.web("#a371f7", 0.12);
    private static final Color CHORD_BOX = Color.web("#a371f7", 0.30);
    private static final Color CHORD_LANE = Color.web("#1d2128");
    private static final Color BAND_FILL = Color.web("#58a6ff", 0.15);
    private static final Color WHITE_KEY = Color.web("#e6e6e6");
    private static final Color WHITE_KEY_SCALE = Color.web("#f4f4f4");
    private static final Color WHITE_KEY_LINE = Color.web("#9ea3aa");
    private static final Color BLACK_KEY = Color.web("#2b2f36");
    private static final Color KEY_LABEL = Color.web("#3a3f47");
    private static final Color SCALE_MARK = Color.web("#58a6ff");
    /** Note colours by velocity, in 16 steps so that a frame changes the fill colour at most 17 times. */
    private static final int VELOCITY_BUCKETS = 16;
    private static final int SELECTED_BUCKET = VELOCITY_BUCKETS;
    private static final Color[] BUCKET_COLOURS = bucketColours();
    private static final boolean[] BLACK = {false, true, false, true, false, false, true, false, true, false, true, false};
    private static final EraseTool ERASER = new EraseTool();
    private static final Font SMALL = Font.font("System", 10);
    private static final Font RULER_FONT = Font.font("System", FontWeight.BOLD, 11);

    private final PianoRollViewModel model;
    /** The right end (pixels) of what is drawn so far in each pitch row; notes wholly under it are skipped. */
    private final double[] rowCovered = new double[128];
    private final RectBatch noteBatch = new RectBatch();
    private Area pressedIn = Area.NONE;
    /** A right-button press or sweep in the note area erases, whatever the tool. */
    private boolean erasing;

    private enum Area { NONE, KEYBOARD, RULER, NOTES, VELOCITY }

    public PianoRollView(PianoRollViewModel model) {
        super("piano-roll", 300, 240);
        this.model = model;
        canvas.setFocusTraversable(true);
        setPrefSize(900, 520);
        model.changesProperty().addListener((o, a, b) -> requestRedraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    public PianoRollViewModel model() {
        return model;
    }

    @Override
    protected void resized(double width, double height) {
        model.setSize(width - KEYBOARD_WIDTH, noteAreaHeight(height));
    }

    private static double noteAreaHeight(double canvasHeight) {
        return canvasHeight - NOTES_TOP - VELOCITY_LANE_HEIGHT - LANE_GAP;
    }

    private double velocityLaneTop() {
        return canvas.getHeight() - VELOCITY_LANE_HEIGHT;
    }

    /** Scene x of a point of the note area, for tests that click on notes. */
    public double sceneXOfNoteArea(double x) {
        return canvas.localToScene(x + KEYBOARD_WIDTH, 0).getX();
    }

    public double sceneYOfNoteArea(double y) {
        return canvas.localToScene(0, y + NOTES_TOP).getY();
    }

    @Override
    protected void paint(GraphicsContext g) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean scale = model.scaleKeyProperty().get() != null;
        g.setFill(scale ? ROW_SCALE : ROW_WHITE);
        g.fillRect(0, 0, w, h);
        if (w <= KEYBOARD_WIDTH + 10 || noteAreaHeight(h) <= 10) {
            return;
        }
        g.setFill(BACKGROUND);
        g.fillRect(KEYBOARD_WIDTH, NOTES_TOP + model.height(), w - KEYBOARD_WIDTH, h - NOTES_TOP - model.height());
        List<GridLine> lines = model.gridLines();
        g.save();
        g.translate(KEYBOARD_WIDTH, NOTES_TOP);
        drawRows(g, scale);
        drawChordTones(g);
        drawLoopShade(g, model.height());
        drawGrid(g, lines, model.height());
        drawGhosts(g);
        drawNotes(g);
        drawDragPreview(g);
        drawBand(g);
        drawPlayhead(g, 0, model.height());
        g.restore();
        drawKeyboard(g);
        drawVelocityLane(g, lines);
        drawRuler(g, lines);
        drawTempoLane(g);
        drawChordLane(g);
    }

    /** Tints, under each detected chord, the rows of its tones. */
    private void drawChordTones(GraphicsContext g) {
        List<ChordMark> chords = model.visibleChords();
        if (chords.isEmpty()) {
            return;
        }
        g.setFill(CHORD_TINT);
        double ppk = model.pixelsPerKey();
        for (ChordMark c : chords) {
            double x0 = Math.max(0, model.xOf(c.startTick()));
            double x1 = Math.min(model.width(), model.xOf(c.endTick()));
            for (int p = model.lowestPitch(); p <= model.highestPitch(); p++) {
                if (c.hasTone(p)) {
                    g.fillRect(x0, model.yOf(p), x1 - x0, ppk - 1);
                }
            }
        }
    }

    private void drawChordLane(GraphicsContext g) {
        double top = RULER_HEIGHT + TEMPO_LANE_HEIGHT;
        double w = canvas.getWidth();
        g.setFill(CHORD_LANE);
        g.fillRect(0, top, w, CHORD_LANE_HEIGHT);
        g.setFont(SMALL);
        for (ChordMark c : model.visibleChords()) {
            double x0 = KEYBOARD_WIDTH + Math.max(0, model.xOf(c.startTick()));
            double x1 = KEYBOARD_WIDTH + Math.min(model.width(), model.xOf(c.endTick()));
            g.setFill(CHORD_BOX);
            g.fillRect(x0 + 1, top + 2, Math.max(1, x1 - x0 - 2), CHORD_LANE_HEIGHT - 4);
            if (x1 - x0 > 24) {
                g.setFill(TEXT);
                g.fillText(c.label(), x0 + 4, top + 13, x1 - x0 - 6);
            }
        }
        g.setFill(CHORD_LANE);
        g.fillRect(0, top, KEYBOARD_WIDTH, CHORD_LANE_HEIGHT);
        g.setFill(DIM_TEXT);
        g.fillText("Chords", 5, top + 13);
        g.setFill(DIVIDER);
        g.fillRect(0, NOTES_TOP - 1, w, 1);
    }

    /**
     * Row backgrounds: the canvas was filled with the common row colour (in scale, or a white key),
     * so only the other rows are filled here, which saves filling the note area twice.
     */
    private void drawRows(GraphicsContext g, boolean scale) {
        double ppk = model.pixelsPerKey();
        double width = model.width();
        for (int p = model.lowestPitch(); p <= model.highestPitch(); p++) {
            double y = model.yOf(p);
            Color row;
            if (scale) {
                row = model.isTonic(p) ? ROW_TONIC : model.isInScale(p) ? null : ROW_OUT_OF_SCALE;
            } else {
                row = BLACK[p % 12] ? ROW_BLACK : null;
            }
            if (row != null) {
                g.setFill(row);
                g.fillRect(0, Math.floor(y), width, Math.floor(y + ppk) - Math.floor(y));
            }
            g.setFill(p % 12 == 0 ? OCTAVE_LINE : ROW_LINE);
            g.fillRect(0, Math.floor(y + ppk) - 1, width, 1);
        }
    }

    private void drawLoopShade(GraphicsContext g, double height) {
        LoopRegion loop = model.loopRegionProperty().get();
        if (loop != null) {
            double x0 = model.xOf(loop.startTick());
            double x1 = model.xOf(loop.endTick());
            g.setFill(LOOP_SHADE);
            g.fillRect(x0, 0, x1 - x0, height);
        }
    }

    private static void drawGrid(GraphicsContext g, List<GridLine> lines, double height) {
        for (GridLine line : lines) {
            g.setFill(switch (line.kind()) {
                case BAR -> BAR_LINE;
                case BEAT -> BEAT_LINE;
                case GRID -> GRID_LINE;
            });
            g.fillRect(Math.floor(line.x()), 0, 1, height);
        }
    }

    private void drawGhosts(GraphicsContext g) {
        g.setFill(GHOST);
        double ppk = model.pixelsPerKey();
        double tpp = model.ticksPerPixel();
        int low = model.lowestPitch();
        int high = model.highestPitch();
        Arrays.fill(rowCovered, Double.NEGATIVE_INFINITY);
        for (Note n : model.visibleGhostNotes()) {
            int pitch = n.pitch();
            if (pitch >= low && pitch <= high) {
                double x = model.xOf(n.startTick());
                double w = Math.max(1, n.lengthTicks() / tpp);
                if (x + w > rowCovered[pitch]) {
                    g.fillRect(x, model.yOf(pitch) + 1, w, Math.max(1, ppk - 2));
                    rowCovered[pitch] = x + w;
                }
            }
        }
    }

    private void drawNotes(GraphicsContext g) {
        long clipStart = model.clipStart();
        double ppk = model.pixelsPerKey();
        double tpp = model.ticksPerPixel();
        int low = model.lowestPitch();
        int high = model.highestPitch();
        Set<Note> selection = model.selection();
        PianoRollViewModel.DragKind drag = model.dragKind();
        boolean hideSelected = drag == PianoRollViewModel.DragKind.MOVE || drag == PianoRollViewModel.DragKind.RESIZE;
        boolean checkSelection = !selection.isEmpty();
        boolean outlined = ppk >= 6;
        Arrays.fill(rowCovered, Double.NEGATIVE_INFINITY);
        noteBatch.clear();
        for (Note n : model.visibleNotes()) {
            int pitch = n.pitch();
            if (pitch < low || pitch > high) {
                continue;
            }
            double x = model.xOf(clipStart + n.startTick());
            double w = Math.max(1, n.lengthTicks() / tpp);
            if (x + w <= rowCovered[pitch]) {
                continue;
            }
            boolean selected = checkSelection && selection.contains(n);
            if (selected && hideSelected) {
                continue;
            }
            rowCovered[pitch] = x + w;
            noteBatch.add(selected ? SELECTED_BUCKET : bucket(n.velocity()), x, model.yOf(pitch), w, ppk);
        }
        noteBatch.fill(g, outlined);
    }

    private static int bucket(int velocity) {
        return velocity * VELOCITY_BUCKETS / 128;
    }

    /** The selection where the drag under way would put it: moved, duplicated or resized. */
    private void drawDragPreview(GraphicsContext g) {
        if (model.dragKind() == PianoRollViewModel.DragKind.NONE) {
            return;
        }
        long clipStart = model.clipStart();
        long dt = model.dragDeltaTicks();
        int dp = model.dragDeltaPitch();
        long dl = model.dragDeltaLength();
        double ppk = model.pixelsPerKey();
        double tpp = model.ticksPerPixel();
        int low = model.lowestPitch();
        int high = model.highestPitch();
        double right = model.width();
        noteBatch.clear();
        for (Note n : model.selection()) {
            int pitch = n.pitch() + dp;
            double x = model.xOf(clipStart + n.startTick() + dt);
            double w = Math.max(1, Math.max(1, n.lengthTicks() + dl) / tpp);
            if (pitch < low || pitch > high || x > right || x + w < 0) {
                continue;
            }
            noteBatch.add(SELECTED_BUCKET, x, model.yOf(pitch), w, ppk);
        }
        noteBatch.fill(g, ppk >= 6);
    }

    private void drawBand(GraphicsContext g) {
        double[] band = model.band();
        if (band != null) {
            g.setFill(BAND_FILL);
            g.fillRect(band[0], band[1], band[2], band[3]);
            g.setStroke(CURSOR);
            g.setLineWidth(1);
            g.strokeRect(band[0] + 0.5, band[1] + 0.5, band[2], band[3]);
        }
    }

    private void drawPlayhead(GraphicsContext g, double top, double height) {
        double cursor = Math.floor(model.xOf(model.cursorTick()));
        g.setFill(CURSOR.deriveColor(0, 1, 1, 0.5));
        g.fillRect(cursor, top, 1, height);
        double playhead = Math.floor(model.xOf(model.playheadTickProperty().get()));
        g.setFill(PLAYHEAD);
        g.fillRect(playhead, top, 1.5, height);
    }

    private void drawRuler(GraphicsContext g, List<GridLine> lines) {
        double w = canvas.getWidth();
        g.setFill(RULER);
        g.fillRect(0, 0, w, RULER_HEIGHT);
        LoopRegion loop = model.loopRegionProperty().get();
        if (loop != null) {
            double x0 = KEYBOARD_WIDTH + model.xOf(loop.startTick());
            double x1 = KEYBOARD_WIDTH + model.xOf(loop.endTick());
            g.setFill(LOOP_OFF);
            g.fillRect(x0, 0, x1 - x0, 7);
            g.setFill(LOOP);
            g.fillRect(x0, 0, 2, 10);
            g.fillRect(x1 - 2, 0, 2, 10);
        }
        g.setFont(RULER_FONT);
        double lastLabelEnd = Double.NEGATIVE_INFINITY;
        for (GridLine line : lines) {
            double x = KEYBOARD_WIDTH + Math.floor(line.x());
            if (line.kind() == GridLine.Kind.BAR) {
                g.setFill(BAR_LINE);
                g.fillRect(x, 8, 1, RULER_HEIGHT - 8);
                if (x > lastLabelEnd) {
                    g.setFill(TEXT);
                    g.fillText(Integer.toString(line.bar()), x + 4, RULER_HEIGHT - 6);
                    lastLabelEnd = x + 30;
                }
            } else if (line.kind() == GridLine.Kind.BEAT) {
                g.setFill(BEAT_LINE);
                g.fillRect(x, RULER_HEIGHT - 6, 1, 6);
            }
        }
        double cursor = KEYBOARD_WIDTH + Math.floor(model.xOf(model.cursorTick()));
        g.setFill(CURSOR);
        g.fillPolygon(new double[] {cursor - 5, cursor + 6, cursor + 0.5}, new double[] {RULER_HEIGHT - 7, RULER_HEIGHT - 7, RULER_HEIGHT}, 3);
        double playhead = KEYBOARD_WIDTH + Math.floor(model.xOf(model.playheadTickProperty().get()));
        g.setFill(PLAYHEAD);
        g.fillPolygon(new double[] {playhead - 5, playhead + 6, playhead + 0.5}, new double[] {8, 8, 15}, 3);
        g.setFill(RULER);
        g.fillRect(0, 0, KEYBOARD_WIDTH, RULER_HEIGHT);
        g.setFill(DIVIDER);
        g.fillRect(0, RULER_HEIGHT - 1, w, 1);
        MidiTrack track = model.track();
        g.setFill(TEXT);
        g.setFont(RULER_FONT);
        g.fillText(track == null ? "" : track.name(), 5, RULER_HEIGHT - 7, KEYBOARD_WIDTH - 8);
    }

    private void drawTempoLane(GraphicsContext g) {
        double w = canvas.getWidth();
        g.setFill(TEMPO_LANE);
        g.fillRect(0, RULER_HEIGHT, w, TEMPO_LANE_HEIGHT);
        g.setFont(SMALL);
        g.setFill(DIM_TEXT);
        g.fillText("Tempo", 5, RULER_HEIGHT + 13);
        double last = model.lastVisibleTick();
        List<Tempo> tempos = model.project().tempoMap().changes();
        for (int i = 0; i < tempos.size(); i++) {
            Tempo t = tempos.get(i);
            long next = i + 1 < tempos.size() ? tempos.get(i + 1).tick() : Long.MAX_VALUE;
            if (next < model.firstTick() || t.tick() > last) {
                continue;
            }
            double x = KEYBOARD_WIDTH + Math.max(0, model.xOf(t.tick()));
            g.setFill(CURSOR);
            g.fillRect(x, RULER_HEIGHT + 3, 2, TEMPO_LANE_HEIGHT - 6);
            g.setFill(TEXT);
            g.fillText(String.format(Locale.ROOT, "\u2669 %.1f", 60_000_000.0 / t.microsPerQuarter()), x + 5, RULER_HEIGHT + 13);
        }
        List<TimeSignature> meters = model.project().timeSignatures();
        for (int i = 0; i < meters.size(); i++) {
            TimeSignature ts = meters.get(i);
            long next = i + 1 < meters.size() ? meters.get(i + 1).tick() : Long.MAX_VALUE;
            if (next < model.firstTick() || ts.tick() > last) {
                continue;
            }
            double x = KEYBOARD_WIDTH + Math.max(0, model.xOf(ts.tick()));
            g.setFill(LOOP);
            g.fillText(ts.numerator() + "/" + ts.denominator(), x + 70, RULER_HEIGHT + 13);
        }
        KeySignature key = model.scaleKeyProperty().get();
        if (key != null) {
            g.setFill(DIM_TEXT);
            g.fillText(key.label(), KEYBOARD_WIDTH + model.width() - 80, RULER_HEIGHT + 13);
        }
        g.setFill(DIVIDER);
        g.fillRect(0, RULER_HEIGHT + TEMPO_LANE_HEIGHT - 1, w, 1);
    }

    private void drawKeyboard(GraphicsContext g) {
        double ppk = model.pixelsPerKey();
        double top = NOTES_TOP;
        g.setFill(WHITE_KEY);
        g.fillRect(0, top, KEYBOARD_WIDTH, model.height());
        g.setFont(SMALL);
        boolean scale = model.scaleKeyProperty().get() != null;
        for (int p = model.lowestPitch(); p <= model.highestPitch(); p++) {
            double y = top + model.yOf(p);
            if (BLACK[p % 12]) {
                g.setFill(BLACK_KEY);
                g.fillRect(0, y, KEYBOARD_WIDTH * 0.6, ppk);
            } else {
                if (scale && model.isInScale(p)) {
                    g.setFill(WHITE_KEY_SCALE);
                    g.fillRect(0, y, KEYBOARD_WIDTH, ppk);
                }
                int next = p % 12;
                if (next == 4 || next == 11) {
                    g.setFill(WHITE_KEY_LINE);
                    g.fillRect(0, Math.floor(y), KEYBOARD_WIDTH, 1);
                }
            }
            if (scale && model.isInScale(p)) {
                g.setFill(model.isTonic(p) ? CURSOR : SCALE_MARK.deriveColor(0, 1, 1, 0.55));
                g.fillRect(KEYBOARD_WIDTH - 4, y + 1, 3, Math.max(1, ppk - 2));
            }
            if (p % 12 == 0 && ppk >= 7) {
                g.setFill(WHITE_KEY_LINE);
                g.fillRect(0, Math.floor(y + ppk) - 1, KEYBOARD_WIDTH, 1);
                g.setFill(KEY_LABEL);
                g.fillText(PianoRollViewModel.pitchName(p), KEYBOARD_WIDTH - 28, y + ppk - Math.max(1, (ppk - 9) / 2));
            }
        }
        g.setFill(DIVIDER);
        g.fillRect(KEYBOARD_WIDTH - 1, 0, 1, canvas.getHeight());
    }

    private void drawVelocityLane(GraphicsContext g, List<GridLine> lines) {
        double top = velocityLaneTop();
        double w = canvas.getWidth();
        g.setFill(DIVIDER);
        g.fillRect(0, top - LANE_GAP, w, LANE_GAP);
        g.setFill(LANE);
        g.fillRect(0, top, w, VELOCITY_LANE_HEIGHT);
        g.setFill(LANE_GUIDE);
        for (int quarter = 1; quarter < 4; quarter++) {
            g.fillRect(KEYBOARD_WIDTH, Math.floor(top + VELOCITY_LANE_HEIGHT * quarter / 4.0), model.width(), 1);
        }
        for (GridLine line : lines) {
            if (line.kind() == GridLine.Kind.BAR) {
                g.setFill(BEAT_LINE);
                g.fillRect(KEYBOARD_WIDTH + Math.floor(line.x()), top, 1, VELOCITY_LANE_HEIGHT);
            }
        }
        long clipStart = model.clipStart();
        Set<Note> selection = model.selection();
        boolean checkSelection = !selection.isEmpty();
        double usable = VELOCITY_LANE_HEIGHT - 4;
        double lastX = Double.NEGATIVE_INFINITY;
        int lastVelocity = -1;
        boolean caps = 5 * model.ticksPerPixel() < Ppq.TICKS_PER_QUARTER / 4.0;
        noteBatch.clear();
        for (Note n : model.visibleNotes()) {
            double x = KEYBOARD_WIDTH + Math.floor(model.xOf(clipStart + n.startTick()));
            boolean selected = checkSelection && selection.contains(n);
            if (x == lastX && n.velocity() <= lastVelocity && !selected) {
                continue;
            }
            if (x != lastX) {
                lastVelocity = -1;
            }
            lastX = x;
            lastVelocity = Math.max(lastVelocity, n.velocity());
            double stem = usable * n.velocity() / 127.0;
            double y = top + VELOCITY_LANE_HEIGHT - stem;
            int colour = selected ? SELECTED_BUCKET : bucket(n.velocity());
            noteBatch.add(colour, x, y, 2, stem);
            if (caps) {
                noteBatch.add(colour, x - 1, y, 5, 2);
            }
        }
        noteBatch.fill(g, false);
        g.setFill(LANE);
        g.fillRect(0, top, KEYBOARD_WIDTH, VELOCITY_LANE_HEIGHT);
        g.setFill(DIM_TEXT);
        g.setFont(SMALL);
        g.fillText("Velocity", 5, top + 14);
        g.fillText("127", 5, top + 28);
        g.fillText("1", 5, top + VELOCITY_LANE_HEIGHT - 4);
    }

    // ---- input

    private Area areaAt(double x, double y) {
        if (y < RULER_HEIGHT) {
            return x >= KEYBOARD_WIDTH ? Area.RULER : Area.NONE;
        }
        if (y < NOTES_TOP) {
            return Area.NONE;
        }
        if (y >= velocityLaneTop()) {
            return x >= KEYBOARD_WIDTH ? Area.VELOCITY : Area.NONE;
        }
        if (y >= velocityLaneTop() - LANE_GAP) {
            return Area.NONE;
        }
        return x < KEYBOARD_WIDTH ? Area.KEYBOARD : Area.NOTES;
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        if (e.getButton() == MouseButton.SECONDARY && areaAt(e.getX(), e.getY()) == Area.NOTES) {
            erasing = true;
            ERASER.press(model, pointer(e));
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        pressedIn = areaAt(e.getX(), e.getY());
        double x = e.getX() - KEYBOARD_WIDTH;
        switch (pressedIn) {
            case KEYBOARD -> model.keyboardPress(e.getY() - NOTES_TOP);
            case RULER -> model.rulerPress(x);
            case VELOCITY -> model.beginVelocityStroke(x, e.getY() - velocityLaneTop(), VELOCITY_LANE_HEIGHT);
            case NOTES -> {
                model.placeCursor(x);
                model.toolProperty().get().press(model, pointer(e));
            }
            case NONE -> { }
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (erasing) {
            ERASER.drag(model, pointer(e));
            e.consume();
            return;
        }
        double x = e.getX() - KEYBOARD_WIDTH;
        switch (pressedIn) {
            case RULER -> model.rulerDrag(x);
            case VELOCITY -> model.velocityStrokeTo(x, e.getY() - velocityLaneTop(), VELOCITY_LANE_HEIGHT);
            case NOTES -> model.toolProperty().get().drag(model, pointer(e));
            case KEYBOARD, NONE -> { }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (erasing) {
            erasing = false;
            ERASER.release(model, pointer(e));
            e.consume();
            return;
        }
        double x = e.getX() - KEYBOARD_WIDTH;
        switch (pressedIn) {
            case RULER -> model.rulerRelease(x);
            case VELOCITY -> model.endVelocityStroke();
            case NOTES -> model.toolProperty().get().release(model, pointer(e));
            case KEYBOARD, NONE -> { }
        }
        pressedIn = Area.NONE;
        e.consume();
    }

    /** A resize cursor over a note's right end, where a drag resizes instead of moving. */
    private void hovered(MouseEvent e) {
        Cursor shape = Cursor.DEFAULT;
        if (areaAt(e.getX(), e.getY()) == Area.NOTES && !(model.toolProperty().get() instanceof EraseTool)) {
            Pointer p = pointer(e);
            Note n = model.noteAt(p.x(), p.y());
            if (n != null) {
                shape = model.isOnRightEdge(n, p.x()) ? Cursor.H_RESIZE : Cursor.MOVE;
            }
        } else if (areaAt(e.getX(), e.getY()) == Area.KEYBOARD) {
            shape = Cursor.HAND;
        }
        canvas.setCursor(shape);
    }

    private static Pointer pointer(MouseEvent e) {
        return new Pointer(e.getX() - KEYBOARD_WIDTH, e.getY() - NOTES_TOP, e.isShiftDown(), e.isAltDown());
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            model.zoomTime(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX() - KEYBOARD_WIDTH);
        } else if (e.isAltDown()) {
            model.zoomPitch(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            model.scrollTime(-(e.getDeltaY() + e.getDeltaX()));
        } else {
            model.scrollPitch(e.getDeltaY() > 0 ? 2 : -2);
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (handled(e)) {
            e.consume();
        }
    }

    private boolean handled(KeyEvent e) {
        KeyCode code = e.getCode();
        if (e.isShortcutDown()) {
            switch (code) {
                case A -> model.selectAll();
                case C -> model.copy();
                case X -> model.cut();
                case V -> model.paste();
                case D -> model.duplicate();
                default -> {
                    return false;
                }
            }
            return true;
        }
        switch (code) {
            case DELETE, BACK_SPACE -> model.deleteSelection();
            case UP -> model.transpose(e.isShiftDown() ? 12 : 1);
            case DOWN -> model.transpose(e.isShiftDown() ? -12 : -1);
            case LEFT -> model.nudge(-1);
            case RIGHT -> model.nudge(1);
            case PLUS, EQUALS, ADD -> model.zoomIn();
            case MINUS, SUBTRACT -> model.zoomOut();
            case ESCAPE -> model.cancelDrag();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Quiet notes cool blue, middle ones teal, loud ones warm orange; the last colour is the selection's. */
    private static Color[] bucketColours() {
        Color quiet = Color.web("#3d7bd9");
        Color middle = Color.web("#3fb9a0");
        Color loud = Color.web("#f0883e");
        Color[] colours = new Color[VELOCITY_BUCKETS + 1];
        for (int b = 0; b < VELOCITY_BUCKETS; b++) {
            double t = (b + 0.5) / VELOCITY_BUCKETS;
            colours[b] = t < 0.5 ? quiet.interpolate(middle, t * 2) : middle.interpolate(loud, (t - 0.5) * 2);
        }
        colours[SELECTED_BUCKET] = SELECTED;
        return colours;
    }

    /**
     * Rectangles gathered by colour and filled colour by colour: one paint change per colour instead
     * of one per note, and all outlines first in one colour. Arrays grow once and are reused.
     */
    private static final class RectBatch {
        private final double[][] rects = new double[BUCKET_COLOURS.length][64];
        private final int[] counts = new int[BUCKET_COLOURS.length];

        void clear() {
            Arrays.fill(counts, 0);
        }

        void add(int colour, double x, double y, double w, double h) {
            int at = counts[colour] * 4;
            if (at + 4 > rects[colour].length) {
                rects[colour] = Arrays.copyOf(rects[colour], rects[colour].length * 2);
            }
            double[] r = rects[colour];
            double left = Math.floor(x);
            double top = Math.floor(y);
            r[at] = left;
            r[at + 1] = top;
            r[at + 2] = Math.max(1, Math.floor(x + w) - left);
            r[at + 3] = Math.max(1, Math.floor(y + h) - top);
            counts[colour]++;
        }

        /**
         * Fills every rectangle; outlined ones 3 pixels wide or more get a dark border. Edges are on
         * whole pixels: crisper, and Prism fills pixel-aligned rectangles without computing coverage.
         */
        void fill(GraphicsContext g, boolean outlined) {
            if (outlined) {
                g.setFill(OUTLINE);
                for (int c = 0; c < counts.length; c++) {
                    double[] r = rects[c];
                    for (int i = 0; i < counts[c] * 4; i += 4) {
                        if (r[i + 2] >= 3) {
                            g.fillRect(r[i], r[i + 1], r[i + 2], r[i + 3]);
                        }
                    }
                }
            }
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] == 0) {
                    continue;
                }
                g.setFill(BUCKET_COLOURS[c]);
                double[] r = rects[c];
                for (int i = 0; i < counts[c] * 4; i += 4) {
                    if (outlined && r[i + 2] >= 3) {
                        g.fillRect(r[i] + 1, r[i + 1] + 1, r[i + 2] - 2, r[i + 3] - 2);
                    } else {
                        g.fillRect(r[i], r[i + 1], r[i + 2], r[i + 3]);
                    }
                }
            }
        }
    }
}
