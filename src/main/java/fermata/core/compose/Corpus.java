package fermata.core.compose;

import java.util.List;

/**
 * Pieces in one roll format, with where they came from (recorded in a model's card).
 *
 * @param source a file or folder name and split, for example "JSB_Chorales.json#train"
 */
public record Corpus(String source, RollFormat format, List<Piece> pieces) {
    public Corpus {
        pieces = List.copyOf(pieces);
        for (Piece p : pieces) {
            if (!p.roll().format().equals(format)) {
                throw new IllegalArgumentException("piece " + p.name() + " has format " + p.roll().format() + ", not " + format);
            }
        }
    }

    public long steps() {
        long n = 0;
        for (Piece p : pieces) {
            n += p.roll().steps();
        }
        return n;
    }

    public boolean isEmpty() {
        return pieces.isEmpty();
    }
}
