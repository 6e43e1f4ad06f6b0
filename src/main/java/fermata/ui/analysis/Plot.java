package fermata.ui.analysis;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A fixed-height canvas that fills its width and redraws itself when resized or told the data
 * changed. Colours are chosen for the dark theme: a panel a shade lighter than the sidebar, framed.
 */
abstract class Plot extends Region {
    static final Color BACKGROUND = Color.web("#161b22");
    static final Color GRID = Color.web("#30363d");
    static final Color AXIS_TEXT = Color.web("#8b949e");
    static final Color TEXT = Color.web("#e6edf3");
    static final Color BLUE = Color.web("#58a6ff");
    static final Color ORANGE = Color.web("#f0883e");
    static final Color GREEN = Color.web("#3fb950");
    static final Font SMALL = Font.font(10);

    private final Canvas canvas = new Canvas();

    Plot(double height) {
        getChildren().add(canvas);
        setMinHeight(height);
        setPrefHeight(height);
        setMaxHeight(height);
        setMinWidth(0);
        getStyleClass().add("analysis-plot");
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (w > 0 && h > 0) {
            draw(g, w, h);
            g.setStroke(GRID);
            g.setLineWidth(1);
            g.strokeRect(0.5, 0.5, w - 1, h - 1);
        }
    }

    abstract void draw(GraphicsContext g, double width, double height);

    static void label(GraphicsContext g, String text, double x, double y, TextAlignment align, Color colour) {
        g.setFont(SMALL);
        g.setFill(colour);
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }

    static void empty(GraphicsContext g, double w, double h, String what) {
        label(g, what, w / 2, h / 2, TextAlignment.CENTER, AXIS_TEXT);
    }
}
