package fermata.core.compose;

import fermata.core.error.BadInputException;
import fermata.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCorpusTest {
    @Test
    void readsTheSplitsOfASmallFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("set.json");
        Files.writeString(file, "{\"train\": [[[60, 64, 67], [60, 64, 67], []], [[62]]], \"test\": [[[21, 108]]]}");

        Corpus train = JsonCorpus.read(file, "train", 2);

        assertEquals("set.json#train", train.source());
        assertEquals(2, train.pieces().size());
        assertEquals(4, train.steps());
        assertEquals(RollFormat.soundingPitches(2), train.format());
        assertTrue(train.pieces().get(0).roll().isHeld(0, 1, 64));
        assertEquals(MusicalKey.C_MAJOR, train.pieces().get(0).key());
    }

    @Test
    void badDataSetsSayWhereTheProblemIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"train\": [[[60]], [[60], [12]]]}");
        BadInputException outOfRange = assertThrows(BadInputException.class, () -> JsonCorpus.read(file, "train", 1));
        assertEquals("train piece 1, step 1", outOfRange.position());

        BadInputException noSplit = assertThrows(BadInputException.class, () -> JsonCorpus.read(file, "valid", 1));
        assertTrue(noSplit.remedy().contains("train"));

        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "{\"train\": [[[60]");
        assertThrows(BadInputException.class, () -> JsonCorpus.read(notJson, "train", 1));
    }

    @Test
    void readsTheJsbChoralesSplits() throws Exception {
        Path jsb = SharedData.require("symbolic/boulanger-2012/JSB_Chorales.json");

        assertEquals(229, JsonCorpus.read(jsb, "train", 1).pieces().size());
        Corpus test = JsonCorpus.read(jsb, "test", 1);
        assertEquals(77, test.pieces().size());
        assertEquals(4725, test.steps(), "the README's count of test steps");
    }
}
