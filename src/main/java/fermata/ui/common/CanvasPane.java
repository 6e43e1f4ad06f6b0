package fermata.ui.common;

import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region drawn on one canvas that always fills it. The canvas is resized to whole pixels and
 * redrawn when the region's size changes; redraw requests are coalesced to one draw per pulse, so a
 * burst of model changes (a drag, a fast zoom) costs one frame.
 */
public abstract class CanvasPane extends Region {
    protected final Canvas canvas = new Canvas();
    private boolean redrawPending;

    protected CanvasPane(String id, double minWidth, double minHeight) {
        setId(id);
        getChildren().add(canvas);
        setMinSize(minWidth, minHeight);
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            resized(w, h);
            draw();
        }
    }

    /** Called when the canvas takes a new size, just before it is drawn at that size. */
    protected void resized(double width, double height) {
    }

    /** Asks for a draw on the next pulse; any number of requests before it give one draw. */
    protected void requestRedraw() {
        if (!redrawPending) {
            redrawPending = true;
            Platform.runLater(this::draw);
        }
    }

    /** Draws the whole view now (on the FX thread; the benchmarks time this). */
    public final void draw() {
        redrawPending = false;
        paint(canvas.getGraphicsContext2D());
    }

    /** Paints the whole canvas through {@code g}. */
    protected abstract void paint(GraphicsContext g);
}
