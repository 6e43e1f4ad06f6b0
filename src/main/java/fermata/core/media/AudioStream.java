package fermata.core.media;

import fermata.core.error.BadInputException;

import java.io.IOException;

/**
 * Decoded audio read block by block, so memory stays the size of one block however long the
 * file is. Samples are planar floats, nominally -1..1 (float files may exceed it). One thread at
 * a time; close it to free the native decoder.
 */
public interface AudioStream extends AutoCloseable {

    AudioInfo info();

    /**
     * Decodes up to {@code frames} frames into {@code planar[channel][offset ..]}. Fewer frames
     * come back only at the end of the stream, and 0 means the end.
     *
     * @throws BadInputException the data is corrupt or shorter than its header says
     * @throws IOException the file could not be read
     */
    int read(float[][] planar, int offset, int frames) throws IOException, BadInputException;

    @Override
    void close();
}
