package fermata.testsupport;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes PNG screenshots of headless scenes to docs/screenshots/ so the product can be seen without running it. */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path folder() {
        return Path.of("docs", "screenshots");
    }

    /** Snapshots a scene (call on the FX thread) and writes it as {@code docs/screenshots/<name>.png}. */
    public static Path write(Scene scene, String name) {
        return write(scene.snapshot(null), name);
    }

    /** Snapshots one node of a shown scene (call on the FX thread) as {@code docs/screenshots/<name>.png}. */
    public static Path write(javafx.scene.Node node, String name) {
        return write(node.snapshot(null, null), name);
    }

    private static Path write(WritableImage image, String name) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            pixels.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        Path file = folder().resolve(name + ".png");
        try {
            Files.createDirectories(folder());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
