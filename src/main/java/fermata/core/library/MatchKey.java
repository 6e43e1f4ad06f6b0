package fermata.core.library;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised "artist / title" by which listens from other services are matched to library
 * files: case, accents, punctuation, a leading "The", featured artists and bracketed or dashed
 * version notes ("(Remastered 2011)", "- Live", "[Radio Edit]") are ignored, and "&" reads "and".
 */
public final class MatchKey {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern FEATURING = Pattern.compile("\\s+(feat\\.?|ft\\.?|featuring)\\s.*$");
    private static final Pattern BRACKETS = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
    private static final Pattern VERSION_SUFFIX = Pattern.compile(
            "\\s+-\\s+.*\\b(remaster(ed)?|live|version|edit|mix|mono|stereo|demo|acoustic)\\b.*$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private MatchKey() {
    }

    public static String of(String artist, String title) {
        return artist(artist) + "\u001f" + title(title);
    }

    static String artist(String artist) {
        String a = basic(artist);
        a = FEATURING.matcher(a).replaceAll("");
        a = words(a);
        return a.startsWith("the ") ? a.substring(4) : a;
    }

    static String title(String title) {
        String t = basic(title);
        t = FEATURING.matcher(t).replaceAll("");
        t = BRACKETS.matcher(t).replaceAll("");
        t = VERSION_SUFFIX.matcher(t).replaceAll("");
        return words(t);
    }

    private static String basic(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return s.replace("&", " and ");
    }

    private static String words(String s) {
        return NOT_WORD.matcher(s).replaceAll(" ").strip();
    }
}
