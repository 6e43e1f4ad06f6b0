package fermata.core.compose;

import fermata.core.model.KeySignature;

import java.util.Locale;

/**
 * A tonic and a mode, the key a piece is conditioned on and that generation keeps to.
 *
 * @param tonic pitch class of the tonic, 0 = C .. 11 = B
 * @param minor true for minor
 */
public record MusicalKey(int tonic, boolean minor) {
    public static final MusicalKey C_MAJOR = new MusicalKey(0, false);
    /** Number of distinct keys, the width of a key one-hot vector. */
    public static final int COUNT = 24;

    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    /** Natural minor plus the raised seventh: the leading tone is part of minor-key writing (Bach uses it in nearly every cadence). */
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10, 11};

    public MusicalKey {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic pitch class must be in 0..11, was " + tonic);
        }
    }

    /**
     * Parses "D minor", "F# major", "Bb", "eb minor", "Am".
     *
     * @throws IllegalArgumentException when the text names no key
     */
    public static MusicalKey parse(String text) {
        String t = text.trim();
        boolean minor = false;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.endsWith(" minor") || lower.endsWith(" min")) {
            minor = true;
            t = t.substring(0, t.lastIndexOf(' ')).trim();
        } else if (lower.endsWith(" major") || lower.endsWith(" maj")) {
            t = t.substring(0, t.lastIndexOf(' ')).trim();
        } else if (t.length() >= 2 && t.endsWith("m") && !lower.endsWith("maj")) {
            minor = true;
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("not a key: '" + text + "' (try \"D minor\" or \"F# major\")");
        }
        int[] letters = {9, 11, 0, 2, 4, 5, 7};
        char letter = Character.toUpperCase(t.charAt(0));
        if (letter < 'A' || letter > 'G') {
            throw new IllegalArgumentException("not a key: '" + text + "' (try \"D minor\" or \"F# major\")");
        }
        int pc = letters[letter - 'A'];
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '#') {
                pc++;
            } else if (c == 'b') {
                pc--;
            } else {
                throw new IllegalArgumentException("not a key: '" + text + "' (try \"D minor\" or \"F# major\")");
            }
        }
        return new MusicalKey(Math.floorMod(pc, 12), minor);
    }

    public static MusicalKey of(KeySignature signature) {
        return new MusicalKey(signature.tonicPitchClass(), signature.minor());
    }

    /** The signature with the fewest accidentals for this key (F# major rather than Gb). */
    public KeySignature toSignature(long tick) {
        int majorTonic = minor ? Math.floorMod(tonic + 3, 12) : tonic;
        int sharps = Math.floorMod(majorTonic * 7, 12);
        if (sharps > 6) {
            sharps -= 12;
        }
        return new KeySignature(tick, sharps, minor);
    }

    /** 0..23: majors first, then minors. */
    public int index() {
        return (minor ? 12 : 0) + tonic;
    }

    /** Whether a pitch class belongs to this key's scale (for minor: natural minor plus the leading tone). */
    public boolean inScale(int pitch) {
        int degree = Math.floorMod(pitch - tonic, 12);
        for (int d : minor ? MINOR_SCALE : MAJOR_SCALE) {
            if (d == degree) {
                return true;
            }
        }
        return false;
    }

    public String label() {
        return NAMES[tonic] + (minor ? " minor" : " major");
    }

    @Override
    public String toString() {
        return label();
    }
}
