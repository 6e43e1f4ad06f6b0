package fermata.core.project;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.error.BadInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectMigrationsTest {
    /** Renames a field, as a real step would when the layout changes. */
    private record Rename(int from, String oldName, String newName) implements ProjectMigrations.Step {
        @Override
        public ObjectNode apply(ObjectNode tree) {
            tree.set(newName, tree.remove(oldName));
            return tree;
        }
    }

    private final ProjectMigrations chain = new ProjectMigrations(3, List.of(
            new Rename(1, "title", "label"), new Rename(2, "label", "name")));

    private static ObjectNode tree(int version, String field) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("formatVersion", version);
        tree.put(field, "Song");
        return tree;
    }

    @Test
    void anOldFileRunsThroughEveryLaterStepInOrder() {
        ObjectNode migrated = chain.migrate(tree(1, "title"), 1);
        assertEquals("Song", migrated.get("name").textValue());
        assertEquals(3, migrated.get("formatVersion").intValue());
        assertEquals(2, migrated.size());
    }

    @Test
    void aFileInTheMiddleRunsOnlyTheStepsAfterIt() {
        ObjectNode migrated = chain.migrate(tree(2, "label"), 2);
        assertEquals("Song", migrated.get("name").textValue());
    }

    @Test
    void aCurrentFileIsLeftAsItIs() {
        ObjectNode current = tree(3, "name");
        assertEquals(current.deepCopy(), chain.migrate(current, 3));
    }

    @Test
    void aChainWithAGapIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProjectMigrations(3, List.of(new Rename(1, "a", "b"), new Rename(3, "b", "c"))));
        assertThrows(IllegalArgumentException.class,
                () -> new ProjectMigrations(3, List.of(new Rename(1, "a", "b"))));
    }

    @Test
    void filesNewerThanTheChainAreRefusedBeforeMigrating() {
        String newer = "{\"formatVersion\": 4, \"name\": \"Song\"}";
        BadInputException e = assertThrows(BadInputException.class,
                () -> ProjectFiles.parse(newer.getBytes(StandardCharsets.UTF_8), null, chain));
        assertTrue(e.getMessage().contains("made by a newer Fermata"), e.getMessage());
        assertTrue(e.getMessage().contains("reads up to version 3"), e.getMessage());
    }
}
