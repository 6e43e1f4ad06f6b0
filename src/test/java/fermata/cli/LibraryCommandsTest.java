package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import fermata.core.library.TestMusic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static fermata.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryCommandsTest {
    @TempDir
    Path dir;

    @Test
    void addScanImportFlow() throws Exception {
        String home = dir.resolve("home").toString();
        Path music = dir.resolve("music");
        TestMusic.taggedWav(music.resolve("one.wav"), 1, "Artist A", "Song One", "First", "Pop");
        TestMusic.wav(music.resolve("sub/two.wav"), 1, 8000, 440);
        Files.writeString(music.resolve("broken.mp3"), "no audio here");

        CliRun noFolders = run("library", "scan", "--home", home);
        assertEquals(2, noFolders.code());
        assertTrue(noFolders.err().contains("library add"), noFolders.err());

        CliRun add = run("library", "add", music.toString(), "--home", home, "--json");
        assertEquals(0, add.code(), add.err());
        assertEquals(music.toAbsolutePath().normalize().toString(), add.json().get("folders").get(0).asText());
        assertTrue(Files.exists(Path.of(home, "library", "library.db")));

        CliRun scan = run("library", "scan", "--home", home, "--json");
        assertEquals(0, scan.code(), scan.err());
        assertEquals(2, scan.json().get("added").asInt());
        assertEquals(1, scan.json().get("problems").size());
        assertTrue(scan.json().get("problems").get(0).get("path").asText().endsWith("broken.mp3"));
        CliRun rescan = run("library", "scan", "--home", home);
        assertTrue(rescan.out().contains("unchanged: 2"), rescan.out());

        Path csv = dir.resolve("scrobbles.csv");
        Files.writeString(csv, "Artist A,First,Song One,1612096440\nNobody,,Nothing,1612096500\nbad line\n");
        CliRun imported = run("history", "import", csv.toString(), "--home", home, "--json");
        assertEquals(0, imported.code(), imported.err());
        JsonNode report = imported.json();
        assertEquals("lastfm", report.get("format").asText());
        assertEquals(1, report.get("matched").asInt());
        assertEquals(1, report.get("unmatched").asInt());
        assertEquals("line 3", report.get("malformed").get(0).get("where").asText());
        assertEquals(2, run("history", "import", csv.toString(), "--home", home, "--json").json().get("duplicates").asInt());
    }

    @Test
    void badArgumentsAreExitCodeTwo() {
        String home = dir.resolve("home").toString();
        assertEquals(2, run("library", "add", dir.resolve("missing").toString(), "--home", home).code());
        assertEquals(2, run("history", "import", dir.resolve("missing.json").toString(), "--home", home).code());
        CliRun format = run("history", "import", dir.toString(), "--format", "napster", "--home", home);
        assertEquals(2, format.code());
        assertTrue(format.err().contains("spotify, listenbrainz, lastfm, itunes"), format.err());
        assertEquals(2, run("library").code());
    }

    @Test
    void recommendExplainsFromTheImportedHistory() throws Exception {
        String home = dir.resolve("home").toString();
        Path music = dir.resolve("music");
        TestMusic.taggedWav(music.resolve("one.wav"), 1, "Artist A", "Song One", "First", "Pop");
        TestMusic.taggedWav(music.resolve("two.wav"), 1, "Artist B", "Song Two", "Second", "Pop");
        TestMusic.taggedWav(music.resolve("three.wav"), 1, "Artist C", "Song Three", "Third", "Jazz");
        assertEquals(0, run("library", "add", music.toString(), "--home", home).code());
        assertEquals(0, run("library", "scan", "--home", home).code());
        StringBuilder csv = new StringBuilder();
        long t = 1_600_000_000L;
        for (int session = 0; session < 6; session++, t += 86_400) {
            csv.append("Artist A,First,Song One,").append(t).append('\n');
            csv.append("Artist B,Second,Song Two,").append(t + 200).append('\n');
        }
        csv.append("Artist C,Third,Song Three,").append(t + 90_000).append('\n');
        Path file = dir.resolve("history.csv");
        Files.writeString(file, csv);
        assertEquals(0, run("history", "import", file.toString(), "--home", home).code());

        CliRun like = run("recommend", "--mode", "like", "--seed-track", music.resolve("one.wav").toString(), "--n", "2",
                "--home", home, "--json", "--save-as", "like one");
        assertEquals(0, like.code(), like.err());
        JsonNode first = like.json().get("tracks").get(0);
        assertEquals(music.resolve("two.wav").toAbsolutePath().normalize().toString(), first.get("path").asText());
        assertTrue(first.get("why").asText().contains("played in the same sessions as \u201cSong One\u201d"), first.toString());
        assertTrue(like.json().get("answer_ms").asDouble() < 1000);

        CliRun next = run("recommend", "--mode", "continue", "--seed-track", music.resolve("one.wav").toString(), "--home", home);
        assertEquals(0, next.code(), next.err());
        assertTrue(next.out().contains("followed \u201cSong One\u201d by Artist A 6 times in your sessions"), next.out());
        assertEquals(0, run("recommend", "--home", home).code());
        CliRun noSeed = run("recommend", "--mode", "continue", "--home", home);
        assertEquals(2, noSeed.code());
        assertTrue(noSeed.err().contains("--seed-track"), noSeed.err());
        CliRun notInLibrary = run("recommend", "--mode", "like", "--seed-track", dir.resolve("elsewhere.wav").toString(), "--home", home);
        assertEquals(2, notInLibrary.code());
        assertTrue(notInLibrary.err().contains("not a track of the library"), notInLibrary.err());
    }
}
