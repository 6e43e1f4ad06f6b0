package fermata.core.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosticsTest {
    @TempDir
    Path home;

    @Test
    void theReportHasTheStudioFactsInOrderAndTheLogsTail() throws Exception {
        UserData data = new UserData(home);
        Files.createDirectories(data.logs());
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            log.append("line ").append(i).append('\n');
        }
        Files.writeString(data.logs().resolve("fermata-0.log"), log);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Audio", "No audio output");
        facts.put("SoundFont", "TimGM6mb.sf2");
        String report = Diagnostics.report("1.0", data, facts);
        assertTrue(report.startsWith("Fermata Studio: 1.0\n"));
        assertTrue(report.indexOf("Audio: No audio output") < report.indexOf("SoundFont: TimGM6mb.sf2"));
        assertTrue(report.contains("User data: " + home.toAbsolutePath()));
        assertTrue(report.contains("line 299\n") && report.contains("line 100\n") && !report.contains("line 99\n"),
                "the last 200 lines");
        assertEquals(List.of("line 298", "line 299"), AppLog.tail(data, 2));
    }

    @Test
    void withoutALogTheReportSaysSo() {
        assertTrue(Diagnostics.report("1.0", new UserData(home), Map.of()).contains("(no log yet)"));
    }
}
