package fermata.ui.pianoroll;

import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.List;
import java.util.Set;

/**
 * The piano roll drawn on one {@link Canvas}: keyboard on the left, ruler on top, velocity lane at
 * the bottom, notes in between. It draws only what the viewport shows, through the clip's range
 * queries, so a clip of tens of thousands of notes costs what its visible part costs. Mouse and keys
 * become {@link PianoRollViewModel} calls; the tick/pitch arithmetic lives there.
 */
public final class PianoRollView extends Region {
    public static final double KEYBOARD_WIDTH = 44;
    public static final double RULER_HEIGHT = 22;
    public static final double VELOCITY_LANE_HEIGHT = 72;

    private static final Color BACKGROUND = Color.web("#1e2126");
    private static final Color BLACK_KEY_ROW = Color.web("#181a1e");
    private static final Color ROW_LINE = Color.web("#262a30");
    private static final Color BAR_LINE = Color.web("#5a6270");
    private static final Color BEAT_LINE = Color.web("#3a404a");
    private static final Color GRID_LINE = Color.web("#2c3138");
    private static final Color GHOST = Color.web("#9aa4b2", 0.22);
    private static final Color SELECTED = Color.web("#ffd166");
    private static final Color OUTLINE = Color.web("#0d0f12", 0.7);
    private static final Color RULER = Color.web("#2a2e35");
    private static final Color TEXT = Color.web("#c9d1d9");
    private static final Color LANE = Color.web("#16181c");
    private static final Color CURSOR = Color.web("#58a6ff");
    private static final Color[] VELOCITY_COLOURS = velocityColours();
    private static final boolean[] BLACK = {false, true, false, true, false, false, true, false, true, false, true, false};

    private final PianoRollViewModel model;
    private final Canvas canvas = new Canvas();
    private boolean redrawPending;
    private boolean velocityStroke;

    public PianoRollView(PianoRollViewModel model) {
        this.model = model;
        setId("piano-roll");
        canvas.setFocusTraversable(true);
        getChildren().add(canvas);
        setMinSize(200, 150);
        model.changesProperty().addListener((o, a, b) -> requestRedraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    public Canvas canvas() {
        return canvas;
    }

    public PianoRollViewModel model() {
        return model;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            model.setSize(w - KEYBOARD_WIDTH, h - RULER_HEIGHT - VELOCITY_LANE_HEIGHT);
            draw();
        }
    }

    /** Screen point of a note area point, for tests that click on notes. */
    public double sceneXOfNoteArea(double x) {
        return canvas.localToScene(x + KEYBOARD_WIDTH, 0).getX();
    }

    public double sceneYOfNoteArea(double y) {
        return canvas.localToScene(0, y + RULER_HEIGHT).getY();
    }

    private void requestRedraw() {
        if (!redrawPending) {
            redrawPending = true;
            Platform.runLater(this::draw);
        }
    }

    /** Draws the whole piano roll now. */
    public void draw() {
        redrawPending = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= KEYBOARD_WIDTH || h <= RULER_HEIGHT + VELOCITY_LANE_HEIGHT) {
            return;
        }
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.save();
        g.translate(KEYBOARD_WIDTH, RULER_HEIGHT);
        g.beginPath();
        g.rect(0, 0, model.width(), model.height());
        g.clip();
        drawRows(g);
        List<GridLine> lines = model.gridLines();
        drawGrid(g, lines, model.height());
        drawGhosts(g);
        drawNotes(g);
        drawBand(g);
        g.restore();
        drawRuler(g, lines);
        drawKeyboard(g);
        drawVelocityLane(g, lines);
    }

    private void drawRows(GraphicsContext g) {
        double ppk = model.pixelsPerKey();
        for (int p = model.lowestPitch(); p <= model.highestPitch(); p++) {
            double y = model.yOf(p);
            if (BLACK[p % 12]) {
                g.setFill(BLACK_KEY_ROW);
                g.fillRect(0, y, model.width(), ppk);
            }
            g.setFill(ROW_LINE);
            g.fillRect(0, y + ppk - 0.5, model.width(), 0.5);
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
        for (Note n : model.visibleGhostNotes()) {
            if (n.pitch() >= model.lowestPitch() && n.pitch() <= model.highestPitch()) {
                double x = model.xOf(n.startTick());
                g.fillRect(x, model.yOf(n.pitch()) + 1, Math.max(1, n.lengthTicks() / model.ticksPerPixel()), ppk - 2);
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
        boolean outlined = ppk >= 6 && tpp < 40;
        for (Note n : model.visibleNotes()) {
            int pitch = n.pitch();
            if (pitch < low || pitch > high) {
                continue;
            }
            double x = model.xOf(clipStart + n.startTick());
            double y = model.yOf(pitch);
            double w = Math.max(1, n.lengthTicks() / tpp);
            boolean selected = !selection.isEmpty() && selection.contains(n);
            if (outlined) {
                g.setFill(OUTLINE);
                g.fillRect(x, y, w, ppk);
                g.setFill(selected ? SELECTED : VELOCITY_COLOURS[n.velocity()]);
                g.fillRect(x + 1, y + 1, Math.max(1, w - 2), ppk - 2);
            } else {
                g.setFill(selected ? SELECTED : VELOCITY_COLOURS[n.velocity()]);
                g.fillRect(x, y, w, ppk);
            }
        }
    }

    private void drawBand(GraphicsContext g) {
        double[] band = model.band();
        if (band != null) {
            g.setFill(Color.web("#58a6ff", 0.15));
            g.fillRect(band[0], band[1], band[2], band[3]);
            g.setStroke(CURSOR);
            g.strokeRect(band[0] + 0.5, band[1] + 0.5, band[2], band[3]);
        }
    }

    private void drawRuler(GraphicsContext g, List<GridLine> lines) {
        g.setFill(RULER);
        g.fillRect(0, 0, canvas.getWidth(), RULER_HEIGHT);
        g.setFont(Font.font(11));
        double lastLabelEnd = Double.NEGATIVE_INFINITY;
        for (GridLine line : lines) {
            double x = KEYBOARD_WIDTH + Math.floor(line.x());
            if (line.kind() == GridLine.Kind.BAR) {
                g.setFill(BAR_LINE);
                g.fillRect(x, 4, 1, RULER_HEIGHT - 4);
                if (x > lastLabelEnd) {
                    g.setFill(TEXT);
                    g.fillText(Integer.toString(line.bar()), x + 3, RULER_HEIGHT - 7);
                    lastLabelEnd = x + 28;
                }
            } else if (line.kind() == GridLine.Kind.BEAT) {
                g.setFill(BEAT_LINE);
                g.fillRect(x, RULER_HEIGHT - 6, 1, 6);
            }
        }
        double cursor = KEYBOARD_WIDTH + model.xOf(model.cursorTick());
        if (cursor >= KEYBOARD_WIDTH) {
            g.setFill(CURSOR);
            g.fillRect(cursor, 0, 2, RULER_HEIGHT);
        }
        MidiTrack track = model.track();
        g.setFill(TEXT);
        g.fillText(track == null ? "" : track.name(), 4, RULER_HEIGHT - 7);
    }

    private void drawKeyboard(GraphicsContext g) {
        double ppk = model.pixelsPerKey();
        double top = RULER_HEIGHT;
        g.save();
        g.beginPath();
        g.rect(0, top, KEYBOARD_WIDTH, model.height());
        g.clip();
        g.setFill(Color.web("#e8e8e8"));
        g.fillRect(0, top, KEYBOARD_WIDTH, model.height());
        g.setFont(Font.font(Math.min(10, ppk - 1)));
        for (int p = model.lowestPitch(); p <= model.highestPitch(); p++) {
            double y = top + model.yOf(p);
            if (BLACK[p % 12]) {
                g.setFill(Color.web("#23262b"));
                g.fillRect(0, y, KEYBOARD_WIDTH * 0.62, ppk);
            } else {
                g.setFill(Color.web("#b0b4ba"));
                g.fillRect(0, y + ppk - 0.5, KEYBOARD_WIDTH, 0.5);
            }
            if (p % 12 == 0 && ppk >= 7) {
                g.setFill(Color.web("#30343a"));
                g.fillText("C" + (p / 12 - 1), KEYBOARD_WIDTH - 20, y + ppk - 1.5);
            }
        }
        g.restore();
    }

    private void drawVelocityLane(GraphicsContext g, List<GridLine> lines) {
        double top = canvas.getHeight() - VELOCITY_LANE_HEIGHT;
        g.setFill(LANE);
        g.fillRect(0, top, canvas.getWidth(), VELOCITY_LANE_HEIGHT);
        g.setFill(TEXT);
        g.setFont(Font.font(10));
        g.fillText("Velocity", 4, top + 14);
        g.save();
        g.beginPath();
        g.rect(KEYBOARD_WIDTH, top, model.width(), VELOCITY_LANE_HEIGHT);
        g.clip();
        for (GridLine line : lines) {
            if (line.kind() == GridLine.Kind.BAR) {
                g.setFill(BEAT_LINE);
                g.fillRect(KEYBOARD_WIDTH + Math.floor(line.x()), top, 1, VELOCITY_LANE_HEIGHT);
            }
        }
        long clipStart = model.clipStart();
        Set<Note> selection = model.selection();
        for (Note n : model.visibleNotes()) {
            double x = KEYBOARD_WIDTH + model.xOf(clipStart + n.startTick());
            double barHeight = (VELOCITY_LANE_HEIGHT - 4) * n.velocity() / 127.0;
            g.setFill(!selection.isEmpty() && selection.contains(n) ? SELECTED : VELOCITY_COLOURS[n.velocity()]);
            g.fillRect(x, top + VELOCITY_LANE_HEIGHT - barHeight, 3, barHeight);
        }
        g.restore();
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        double x = e.getX() - KEYBOARD_WIDTH;
        if (x < 0 || !e.isPrimaryButtonDown()) {
            return;
        }
        double laneTop = canvas.getHeight() - VELOCITY_LANE_HEIGHT;
        if (e.getY() >= laneTop) {
            velocityStroke = true;
            model.beginGesture("Draw velocity");
            model.drawVelocity(x, e.getY() - laneTop, VELOCITY_LANE_HEIGHT);
        } else if (e.getY() >= RULER_HEIGHT) {
            model.placeCursor(x);
            model.toolProperty().get().press(model, pointer(e));
        } else {
            model.placeCursor(x);
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (velocityStroke) {
            double laneTop = canvas.getHeight() - VELOCITY_LANE_HEIGHT;
            model.drawVelocity(e.getX() - KEYBOARD_WIDTH, e.getY() - laneTop, VELOCITY_LANE_HEIGHT);
        } else {
            model.toolProperty().get().drag(model, pointer(e));
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (velocityStroke) {
            velocityStroke = false;
            model.endGesture();
        } else {
            model.toolProperty().get().release(model, pointer(e));
        }
        e.consume();
    }

    private static Pointer pointer(MouseEvent e) {
        return new Pointer(e.getX() - KEYBOARD_WIDTH, e.getY() - RULER_HEIGHT, e.isShiftDown(), e.isAltDown());
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            model.zoomTime(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX() - KEYBOARD_WIDTH);
        } else if (e.isShiftDown()) {
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
            case PLUS, EQUALS, ADD -> model.zoomTime(1.25, model.width() / 2);
            case MINUS, SUBTRACT -> model.zoomTime(0.8, model.width() / 2);
            case ESCAPE -> model.cancelGesture();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Quiet notes cool blue, loud ones warm orange. */
    private static Color[] velocityColours() {
        Color quiet = Color.web("#3d7bd9");
        Color loud = Color.web("#f0883e");
        Color[] colours = new Color[128];
        for (int v = 0; v < 128; v++) {
            colours[v] = quiet.interpolate(loud, v / 127.0);
        }
        return colours;
    }
}
