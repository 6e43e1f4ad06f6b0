package fermata.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.error.BadInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Damaged project files, at the byte level and in their JSON structure, either load or are one
 * BadInputException; never another exception, an OutOfMemoryError or a hang.
 */
class MutatedProjectFileTest {
    private static final Path NAME = Path.of("mutated.fermata");
    private static final byte[] VALID = ProjectFiles.toJson(SampleProjects.everything()).getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static void loadsOrIsBadInput(byte[] bytes) {
        try {
            assertNotNull(ProjectFiles.parse(bytes, NAME));
        } catch (BadInputException e) {
            assertNotNull(e.problem());
            assertNotNull(e.remedy(), e.getMessage());
        }
    }

    @Property(tries = 400)
    void bytesOverwritten(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int at, @ForAll byte[] replacement) {
        byte[] bytes = VALID.clone();
        int start = at % bytes.length;
        for (int i = 0; i < replacement.length && start + i < bytes.length; i++) {
            bytes[start + i] = replacement[i];
        }
        loadsOrIsBadInput(bytes);
    }

    @Property(tries = 300)
    void bytesCutOrInserted(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int at,
                            @ForAll @IntRange(min = 0, max = 200) int cut, @ForAll byte[] inserted) {
        int start = at % VALID.length;
        int end = Math.min(VALID.length, start + cut);
        byte[] bytes = new byte[VALID.length - (end - start) + inserted.length];
        System.arraycopy(VALID, 0, bytes, 0, start);
        System.arraycopy(inserted, 0, bytes, start, inserted.length);
        System.arraycopy(VALID, end, bytes, start + inserted.length, VALID.length - end);
        loadsOrIsBadInput(bytes);
    }

    @Property(tries = 300)
    void truncated(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int at) {
        loadsOrIsBadInput(Arrays.copyOf(VALID, at % VALID.length));
    }

    /** Where a value sits in the tree, so it can be replaced or removed. */
    private record Slot(JsonNode container, String field, int index) {
    }

    @Property(tries = 600)
    void valueReplaced(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int which,
                       @ForAll("strangeValues") JsonNode value) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(VALID);
        List<Slot> slots = slots(tree);
        Slot slot = slots.get(which % slots.size());
        if (slot.field() != null) {
            ((ObjectNode) slot.container()).set(slot.field(), value);
        } else {
            ((ArrayNode) slot.container()).set(slot.index(), value);
        }
        loadsOrIsBadInput(JSON.writeValueAsBytes(tree));
    }

    @Property(tries = 300)
    void valueRemovedOrDuplicated(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int which,
                                  @ForAll boolean remove) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(VALID);
        List<Slot> slots = slots(tree);
        Slot slot = slots.get(which % slots.size());
        if (slot.field() != null) {
            ObjectNode object = (ObjectNode) slot.container();
            if (remove) {
                object.remove(slot.field());
            } else {
                object.set(slot.field() + "Copy", object.get(slot.field()).deepCopy());
            }
        } else {
            ArrayNode array = (ArrayNode) slot.container();
            if (remove) {
                array.remove(slot.index());
            } else {
                array.insert(slot.index(), array.get(slot.index()).deepCopy());
            }
        }
        loadsOrIsBadInput(JSON.writeValueAsBytes(tree));
    }

    @Provide
    Arbitrary<JsonNode> strangeValues() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.integers().between(-3, 200).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(1e300, -1e300, Double.MIN_VALUE, -0.0, 0.5).map(NODES::numberNode),
                Arbitraries.of(BigInteger.TEN.pow(30), BigInteger.TEN.pow(12), BigInteger.valueOf(Long.MIN_VALUE))
                        .map(NODES::numberNode),
                Arbitraries.strings().ofMaxLength(70).map(NODES::textNode),
                Arbitraries.of("midi", "audio", "0".repeat(64), "").map(NODES::textNode),
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
                        NODES.arrayNode().add(1).add(2).add(3).add(4).add(5)));
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> slots = new ArrayList<>();
        collect(node, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(node, name, -1));
                collect(node.get(name), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots);
            }
        }
    }
}
