package fermata.core.library.history;

import fermata.core.error.BadInputException;

import java.nio.file.Path;

/** Reads one export format, streaming records to a sink; a bad record goes to {@link HistorySink#malformed}, a bad file throws. */
public interface HistoryReader {
    void read(Path file, HistorySink sink) throws BadInputException, Exception;
}
