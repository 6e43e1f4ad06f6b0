package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static fermata.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsCommandTest {
    @Test
    void listsTheShippedPresetsOfEveryKindThenTheUsersOwn(@TempDir Path home) throws Exception {
        CliRun shipped = run("presets", "--home", home.toString(), "--json");
        assertEquals(0, shipped.code(), shipped.err());
        JsonNode all = shipped.json();
        assertEquals(List.of("streaming", "apple-music", "ebu-r128", "club", "podcast"), names(all.get("mix")));
        assertEquals(List.of("standard", "gentle", "voice", "strong", "hum-only", "vinyl"), names(all.get("denoise")));
        assertEquals(List.of("chorale", "hymn", "minuet", "lullaby", "sketch"), names(all.get("style")));
        assertEquals(List.of("piano-solo", "string-quartet", "jazz-trio", "rock-band", "satb-choir"), names(all.get("layout")));
        for (JsonNode kind : all) {
            for (JsonNode preset : kind.get("presets")) {
                assertEquals("shipped", preset.get("origin").asText(), preset.toString());
                assertTrue(!preset.get("description").asText().isBlank(), preset + " has a description");
            }
        }

        Path denoise = Files.createDirectories(home.resolve("presets/denoise"));
        Files.writeString(denoise.resolve("gentle.json"), "{\"description\": \"my gentle\", \"reduction_db\": 9}");
        Files.writeString(denoise.resolve("tape.json"), "{\"description\": \"tape hiss\", \"method\": \"gate\"}");
        CliRun mine = run("presets", "--kind", "denoise", "--home", home.toString(), "--json");
        assertEquals(0, mine.code(), mine.err());
        JsonNode list = mine.json().get("denoise");
        assertEquals(List.of("standard", "gentle", "voice", "strong", "hum-only", "vinyl", "tape"), names(list));
        assertEquals("yours", list.get("presets").get(1).get("origin").asText(), "a user file overrides a shipped name");
        assertEquals("my gentle", list.get("presets").get(1).get("description").asText());
        assertEquals("yours", list.get("presets").get(6).get("origin").asText());
        assertEquals(1, mine.json().size(), "--kind lists one kind");
    }

    @Test
    void aBrokenPresetOfTheUsersIsBadInputNamingTheFile(@TempDir Path home) throws Exception {
        Path layouts = Files.createDirectories(home.resolve("presets/layouts"));
        Path broken = Files.writeString(layouts.resolve("odd.json"), "{\"tracks\": [{\"name\": \"X\", \"program\": 300}]}");
        CliRun run = run("presets", "--kind", "layout", "--home", home.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains(broken.toString()) && run.err().contains("program"), run.err());
    }

    private static List<String> names(JsonNode kind) {
        List<String> names = new ArrayList<>();
        kind.get("presets").forEach(p -> names.add(p.get("name").asText()));
        return names;
    }
}
