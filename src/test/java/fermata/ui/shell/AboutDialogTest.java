package fermata.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

class AboutDialogTest {
    /** Every library the product ships (any dependency not in test scope) has its licence in the About dialog. */
    @Test
    void everyBundledDependencyHasItsLicenceListed() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        Matcher dep = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(dependencies);
        Set<String> listed = new HashSet<>();
        for (JsonNode d : AboutDialog.licences().path("dependencies")) {
            assertTrue(!d.path("licence").asText().isBlank(), d + " has a licence");
            listed.add(d.path("artifactId").asText());
        }
        int shipped = 0;
        while (dep.find()) {
            String body = dep.group(1);
            if (body.contains("<scope>test</scope>")) {
                continue;
            }
            Matcher id = Pattern.compile("<artifactId>(.*?)</artifactId>").matcher(body);
            assertTrue(id.find());
            shipped++;
            assertTrue(listed.contains(id.group(1)), id.group(1) + " is bundled but not in " + AboutDialog.LICENCES);
        }
        assertTrue(shipped >= 10, "found the bundled dependencies: " + shipped);
    }

    @Test
    void theTextNamesFermatasLicenceAndTheModelsTrainingData() {
        String text = AboutDialog.text("1.2.3");
        assertTrue(text.startsWith("Fermata Studio 1.2.3"));
        assertTrue(text.contains("GPL-3.0-or-later"));
        assertTrue(text.contains("TarsosDSP: GPL-3.0"));
        assertTrue(text.contains("models/tcn-jsb.zip"));
    }
}
