package fermata.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Brings a parsed project file of any earlier format version up to the current one, one version
 * at a time, on the JSON tree, so the reader only ever knows the current layout.
 *
 * <p>To change the format: bump {@link ProjectFiles#FORMAT_VERSION}, add a {@link Step} from the
 * old version to the new one at the end of {@link #STEPS}, change writer and reader, and commit a
 * golden file {@code src/test/resources/project-formats/v<new>.fermata}. The golden files of
 * earlier versions stay, and keep loading through the chain.
 */
public final class ProjectMigrations {
    /** One step: turns a tree of version {@code from()} into a tree of version {@code from() + 1}. */
    public interface Step {
        int from();

        /** May change {@code tree} in place; returns the migrated tree. */
        ObjectNode apply(ObjectNode tree);
    }

    /** The chain, in order; step i migrates version i + 1 to i + 2. */
    private static final List<Step> STEPS = List.of(new AudioEditsStep());

    /**
     * Version 2 (the waveform editor): audio clips gain fade shapes and a reversed flag, audio
     * tracks gain markers. A version-1 clip had linear fades and played forwards; a track had no markers.
     */
    static final class AudioEditsStep implements Step {
        @Override
        public int from() {
            return 1;
        }

        @Override
        public ObjectNode apply(ObjectNode tree) {
            JsonNode tracks = tree.get("tracks");
            if (tracks == null || !tracks.isArray()) {
                return tree;
            }
            for (JsonNode track : tracks) {
                if (!(track instanceof ObjectNode t) || !"audio".equals(t.path("kind").asText())) {
                    continue;
                }
                if (t.get("clips") instanceof ArrayNode clips) {
                    for (JsonNode clip : clips) {
                        if (clip instanceof ObjectNode c) {
                            c.put("fadeInCurve", "linear");
                            c.put("fadeOutCurve", "linear");
                            c.put("reversed", false);
                        }
                    }
                }
                t.putArray("markers");
            }
            return tree;
        }
    }

    private static final ProjectMigrations STANDARD = new ProjectMigrations(ProjectFiles.FORMAT_VERSION, STEPS);

    private final int currentVersion;
    private final List<Step> steps;

    ProjectMigrations(int currentVersion, List<Step> steps) {
        if (steps.size() != currentVersion - 1) {
            throw new IllegalArgumentException("need one step per version before " + currentVersion + ", have "
                    + steps.size());
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).from() != i + 1) {
                throw new IllegalArgumentException("step " + i + " migrates from version " + steps.get(i).from()
                        + ", expected " + (i + 1));
            }
        }
        this.currentVersion = currentVersion;
        this.steps = List.copyOf(steps);
    }

    static ProjectMigrations standard() {
        return STANDARD;
    }

    int currentVersion() {
        return currentVersion;
    }

    /**
     * The tree migrated to the current version, with {@code formatVersion} updated.
     *
     * @param version the file's version, 1..current; the caller has rejected others
     */
    ObjectNode migrate(ObjectNode tree, int version) {
        if (version < 1 || version > currentVersion) {
            throw new IllegalArgumentException("no migration from version " + version);
        }
        ObjectNode current = tree;
        for (int v = version; v < currentVersion; v++) {
            current = steps.get(v - 1).apply(current);
            current.put("formatVersion", v + 1);
        }
        return current;
    }
}
