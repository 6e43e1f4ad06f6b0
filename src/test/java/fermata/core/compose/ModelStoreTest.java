package fermata.core.compose;

import fermata.core.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreTest {
    @BeforeAll
    static void oneThread() {
        ComputeBackend.limitThreads(1);
    }

    @Test
    void savesListsLoadsAndDeletesModels(@TempDir Path home) throws Exception {
        ModelStore store = new ModelStore(home);
        TcnModel model = TcnTrainer.train(ToyData.periodic(4, 8), null, ToyData.options(1), Progress.NONE).model();

        Path file = store.save("toy-1", model, false);
        assertEquals(home.resolve("models/toy-1.zip"), file);
        assertThrows(FileAlreadyExistsException.class, () -> store.save("toy-1", model, false));
        Files.writeString(store.folder().resolve("broken.zip"), "junk");

        List<ModelStore.Entry> entries = store.list();
        assertEquals(List.of("broken", "toy-1"), entries.stream().map(ModelStore.Entry::name).toList());
        assertNull(entries.get(0).card());
        assertTrue(entries.get(0).problem().contains("broken.zip"));
        assertEquals(ToyData.FORMAT, entries.get(1).card().roll());
        assertEquals(model.card(), store.load("toy-1").card());

        store.delete("toy-1");
        assertFalse(store.contains("toy-1"));
        assertThrows(IllegalArgumentException.class, () -> store.fileOf("../escape"));
    }

    @Test
    void reportsTheBackend() {
        ComputeBackend cpu = ComputeBackend.select(false);
        assertEquals("CPU", cpu.name());
        assertNull(cpu.notice());
        assertTrue(ComputeBackend.select(true).notice().contains("CPU"), "a CUDA request on the CPU build falls back and says so");
    }
}
