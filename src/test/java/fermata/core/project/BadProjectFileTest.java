package fermata.core.project;

import fermata.core.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of bad file is one BadInputException that names the file, the place in it, and a remedy. */
class BadProjectFileTest {
    @TempDir
    Path dir;

    private final String valid = ProjectFiles.toJson(SampleProjects.everything());

    private BadInputException rejected(byte[] bytes) throws Exception {
        Path file = dir.resolve("bad.fermata");
        Files.write(file, bytes);
        BadInputException e = assertThrows(BadInputException.class, () -> ProjectFiles.read(file));
        assertEquals(file, e.file());
        assertNotNull(e.remedy(), "a remedy for: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    private BadInputException rejected(String text) throws Exception {
        return rejected(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void invalidUtf8IsReportedByByteOffset() throws Exception {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        bytes[40] = (byte) 0xC3;
        bytes[41] = (byte) 0x28;
        BadInputException e = rejected(bytes);
        assertEquals("byte 40", e.position());
        assertTrue(e.problem().contains("UTF-8"), e.problem());
    }

    @Test
    void utf16IsNotAcceptedAsAProjectFile() throws Exception {
        BadInputException e = rejected(valid.getBytes(StandardCharsets.UTF_16));
        assertTrue(e.problem().contains("UTF-8"), e.problem());
    }

    @Test
    void brokenJsonIsReportedByLineAndColumn() throws Exception {
        BadInputException e = rejected(valid.replace("\"sampleRate\": 44100,", "\"sampleRate\": 44100,,"));
        assertEquals("line 4, column 23", e.position());
        assertTrue(e.problem().startsWith("not valid JSON"), e.problem());
    }

    @Test
    void truncatedFileIsReported() throws Exception {
        BadInputException e = rejected(valid.substring(0, valid.length() / 2));
        assertTrue(e.problem().startsWith("not valid JSON"), e.problem());
    }

    @Test
    void wrongTypeIsReportedByJsonPath() throws Exception {
        BadInputException e = rejected(valid.replace("\"sampleRate\": 44100", "\"sampleRate\": \"44100\""));
        assertEquals("sampleRate", e.position());
        assertEquals("expected a whole number, found the string \"44100\"", e.problem());
    }

    @Test
    void missingFieldIsReported() throws Exception {
        BadInputException e = rejected(valid.replace("\"lengthTicks\": 1920,", ""));
        assertEquals("tracks[1].clips[0]", e.position());
        assertEquals("the field \"lengthTicks\" is missing", e.problem());
    }

    @Test
    void unknownFieldIsReportedRatherThanDropped() throws Exception {
        BadInputException e = rejected(valid.replace("\"mute\": true,", "\"mute\": true, \"mutte\": 1,"));
        assertEquals("tracks[0].mixer", e.position());
        assertEquals("unknown field \"mutte\"", e.problem());
    }

    @Test
    void modelValidationFailureIsReportedAtTheNote() throws Exception {
        BadInputException e = rejected(valid.replace("[38, 480, 240, 96, 9]", "[38, -480, 240, 96, 9]"));
        assertEquals("tracks[1].clips[0].notes[1]", e.position());
        assertTrue(e.problem().contains("note start must be in 0.."), e.problem());
    }

    @Test
    void absurdNumbersAreRejected() throws Exception {
        assertEquals("tracks[1].clips[0].notes[1][0]",
                rejected(valid.replace("[38, 480, 240, 96, 9]", "[1000000000000, 480, 240, 96, 9]")).position());
        BadInputException huge = rejected(valid.replace("[38, 480, 240, 96, 9]",
                "[38, 99999999999999999999999999, 240, 96, 9]"));
        assertEquals("tracks[1].clips[0].notes[1][1]", huge.position());
        assertTrue(huge.problem().contains("far too large"), huge.problem());
        BadInputException infinite = rejected(valid.replace("\"gainDb\": -6.5", "\"gainDb\": 1e999"));
        assertEquals("tracks[0].mixer.gainDb", infinite.position());
        BadInputException longNumber = rejected(valid.replace("\"gainDb\": -6.5", "\"gainDb\": " + "9".repeat(5000)));
        assertTrue(longNumber.problem().startsWith("not valid JSON"), longNumber.problem());
    }

    @Test
    void aNoteOfTheWrongShapeIsReported() throws Exception {
        BadInputException e = rejected(valid.replace("[38, 480, 240, 96, 9]", "[38, 480, 240, 96]"));
        assertEquals("tracks[1].clips[0].notes[1]", e.position());
        assertTrue(e.problem().startsWith("expected a note [pitch, startTick, lengthTicks, velocity, channel]"),
                e.problem());
    }

    @Test
    void aNewerFormatVersionAsksForAnUpdate() throws Exception {
        BadInputException e = rejected(valid.replace("\"formatVersion\": " + ProjectFiles.FORMAT_VERSION,
                "\"formatVersion\": " + (ProjectFiles.FORMAT_VERSION + 1)));
        assertEquals("formatVersion", e.position());
        assertTrue(e.problem().startsWith("made by a newer Fermata"), e.problem());
        assertEquals("Update Fermata to open it", e.remedy());
    }

    @Test
    void filesThatAreNotProjectsSaySo() throws Exception {
        assertTrue(rejected("[1, 2]").problem().startsWith("not a Fermata project"));
        assertTrue(rejected("{\"name\": \"x\"}").problem().contains("no \"formatVersion\""));
        assertTrue(rejected(valid.replace("\"formatVersion\": " + ProjectFiles.FORMAT_VERSION, "\"formatVersion\": 0")).problem()
                .contains("unknown format version 0"));
        assertTrue(rejected("").problem().startsWith("not a Fermata project"));
    }

    @Test
    void duplicateKeysAndTrailingDataAreRejected() throws Exception {
        assertTrue(rejected(valid.replace("\"sampleRate\": 44100,", "\"sampleRate\": 44100, \"sampleRate\": 48000,"))
                .problem().contains("Duplicate field"));
        assertTrue(rejected(valid + "{}").problem().startsWith("not valid JSON"));
    }

    @Test
    void deepNestingIsRejectedWithoutExhaustingTheStack() throws Exception {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        BadInputException e = rejected(valid.replace("\"events\": [ ]", "\"events\": " + deep));
        assertTrue(e.problem().contains("nesting depth"), e.problem());
    }

    @Test
    void trackOfUnknownKindIsReported() throws Exception {
        BadInputException e = rejected(valid.replace("\"kind\": \"audio\"", "\"kind\": \"video\""));
        assertEquals("tracks[2].kind", e.position());
    }
}
