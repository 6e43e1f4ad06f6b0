package fermata.core.edit;

import fermata.core.model.KeySignature;
import fermata.core.model.Project;

import java.util.ArrayList;
import java.util.List;

/** Sets the key from a tick on, replacing a key change at the same tick ("use detected key"). */
public record SetKeySignature(KeySignature key) implements EditCommand {
    @Override
    public Project apply(Project project) {
        List<KeySignature> list = new ArrayList<>(project.keySignatures());
        list.removeIf(k -> k.tick() == key.tick());
        list.add(key);
        return project.withKeySignatures(list);
    }

    @Override
    public String label() {
        return "Set key";
    }
}
