package fermata.core.project;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of Help ▸ Copy Diagnostics, for bug reports: versions, machine, user-data folder, the
 * studio's own facts (audio device, SoundFont, compute backend) and the tail of the log. Holds
 * no song content and no listening data.
 */
public final class Diagnostics {
    private static final int LOG_LINES = 200;

    private Diagnostics() {
    }

    /**
     * The report; {@code studioFacts} are the running studio's own lines (name to value), in
     * the order given.
     */
    public static String report(String version, UserData userData, Map<String, String> studioFacts) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Fermata Studio", version);
        facts.put("Java", System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        Runtime rt = Runtime.getRuntime();
        facts.put("Processors", Integer.toString(rt.availableProcessors()));
        facts.put("Heap", String.format(Locale.ROOT, "%d MB used of %d MB", (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20));
        facts.put("User data", userData.root().toAbsolutePath().toString());
        facts.putAll(studioFacts);
        StringBuilder out = new StringBuilder();
        facts.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        out.append("\nLast lines of the log:\n");
        try {
            List<String> tail = AppLog.tail(userData, LOG_LINES);
            if (tail.isEmpty()) {
                out.append("(no log yet)\n");
            }
            tail.forEach(l -> out.append(l).append('\n'));
        } catch (IOException e) {
            out.append("(the log cannot be read: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }
}
