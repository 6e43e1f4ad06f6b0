package fermata.core.library;

/** The library database failed (disk full, locked, corrupt): says which database and what it was doing. */
public final class LibraryException extends Exception {
    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }

    public LibraryException(String message) {
        super(message);
    }
}
