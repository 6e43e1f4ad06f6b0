package fermata.ui.compose;

import fermata.core.compose.ComputeBackend;
import fermata.core.compose.Composer;
import fermata.core.compose.ModelCard;
import fermata.core.compose.ModelStore;
import fermata.core.edit.History;
import fermata.core.model.Project;
import fermata.core.project.UserData;
import fermata.core.task.Progress;
import fermata.core.task.TaskExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composition panel's state without the toolkit: the bundled model, a same-thread executor. */
class ComposeViewModelTest {
    static final Path BUNDLED = Path.of("assets/models/tcn-jsb.zip");
    static final Path BUNDLED_GAN = Path.of("assets/models/gan-jsb.zip");
    private static final long BAR = 3840;
    private static Project chorale;
    @TempDir
    Path home;
    private History history;
    private ComposeViewModel model;
    private final List<Project> auditioned = new ArrayList<>();

    @BeforeAll
    static void makeAChorale() throws Exception {
        ComputeBackend.limitThreads(1);
        chorale = chorale();
    }

    /** Four voices, four bars, made with the bundled model. */
    static Project chorale() throws Exception {
        Composer composer = new Composer(fermata.core.compose.ModelFile.read(BUNDLED));
        return composer.generate(Project.empty("chorale"), 0,
                fermata.core.compose.GenerationRequest.bars(4).withVoices(4).withSeed(2).withDensity(0.6)
                        .withKey(fermata.core.compose.MusicalKey.parse("G major")), 1, Progress.NONE).get(0).preview(Project.empty("chorale"));
    }

    @BeforeEach
    void setUp() throws Exception {
        history = new History(chorale);
        model = new ComposeViewModel(history, TaskExecutor.sameThread());
        model.setPreviewHook(auditioned::add);
        model.refreshModels(new ModelStore(home), List.of(BUNDLED));
    }

    @Test
    void thePickerOffersTheBundledModelAndTheStoredOnes() throws Exception {
        assertEquals(1, model.models().size());
        assertEquals(ModelCard.TCN, model.modelProperty().get().architecture());
        Files.createDirectories(home.resolve("models"));
        Files.copy(BUNDLED, home.resolve("models/mine.zip"));
        model.refreshModels(new ModelStore(home), List.of(BUNDLED, BUNDLED_GAN));
        assertEquals(List.of("Bundled chorales (causal CNN)", "Bundled chorales (bar GAN)", "mine (causal CNN)"),
                model.models().stream().map(ComposeViewModel.ModelChoice::toString).toList());
        assertEquals(ModelCard.GAN, model.models().get(1).architecture());
    }

    @Test
    void aStyleSetsTheGenerationSettingsAndItsModel(@TempDir Path dir) throws Exception {
        model.refreshModels(new ModelStore(home), List.of(BUNDLED_GAN, BUNDLED));
        model.modelProperty().set(model.models().get(0));
        assertEquals(ModelCard.GAN, model.modelProperty().get().architecture());
        model.loadStyles(new UserData(dir));
        assertEquals(List.of("chorale", "hymn", "minuet", "lullaby", "sketch"), model.styleNames());
        model.applyStyle("chorale");
        assertEquals(80, model.tempoProperty().get());
        assertEquals(8, model.barsProperty().get());
        assertEquals(0.9, model.temperatureProperty().get(), 1e-9);
        assertEquals(ComposeViewModel.AUTO_KEY, model.keyProperty().get(), "the chorale style leaves the key free");
        assertEquals(ModelCard.TCN, model.modelProperty().get().architecture(), "the style names tcn-jsb.zip");

        Path styles = Files.createDirectories(dir.resolve("presets/styles"));
        Files.writeString(styles.resolve("nocturne.json"),
                "{\"description\": \"slow\", \"key\": \"c# minor\", \"tempo\": 52, \"model\": \"absent.zip\"}");
        model.loadStyles(new UserData(dir));
        model.applyStyle("nocturne");
        assertEquals("C# minor", model.keyProperty().get());
        assertEquals(52, model.tempoProperty().get());
        assertTrue(model.statusProperty().get().contains("absent.zip is not installed"), model.statusProperty().get());
        assertEquals(ModelCard.TCN, model.modelProperty().get().architecture(), "the model in use stays");
    }

    @Test
    void operationsSayWhyTheyCannotRun() {
        assertTrue(model.whyNot(ComposeViewModel.Operation.GENERATE).isEmpty());
        assertEquals(Optional.of("select a track in the piano roll"), model.whyNot(ComposeViewModel.Operation.INFILL));
        model.setSelectedTracks(List.of(chorale.tracks().get(0).id()));
        assertEquals(Optional.of("select a range of bars"), model.whyNot(ComposeViewModel.Operation.HARMONIZE));
        model.setSelectedRange(BAR, 0);
        assertTrue(model.whyNot(ComposeViewModel.Operation.HARMONIZE).isEmpty());
        model.modelProperty().set(new ComposeViewModel.ModelChoice("gan", BUNDLED, ModelCard.GAN));
        assertTrue(model.whyNot(ComposeViewModel.Operation.INFILL).orElseThrow().contains("needs a tcn model"));
        assertTrue(model.whyNot(ComposeViewModel.Operation.CONTINUE).isEmpty());
        assertThrows(IllegalStateException.class, () -> model.run(ComposeViewModel.Operation.INFILL));
    }

    @Test
    void generateListsAlternativesAuditionsOneAndAcceptsItAsOneUndoStep() {
        model.keyProperty().set("D minor");
        model.barsProperty().set(2);
        model.run(ComposeViewModel.Operation.GENERATE).join();

        assertEquals(3, model.alternatives().size());
        assertEquals(4, model.seedProperty().get(), "the next request starts from a fresh seed");
        model.audition(1);
        Composer.Alternative second = model.alternatives().get(1);
        assertEquals(List.of(second.preview(chorale)), auditioned);
        assertSame(chorale, history.current(), "auditioning changes nothing");

        model.accept(1);
        assertEquals(second.preview(chorale), history.current());
        assertEquals(chorale.tracks().size() + 4, history.current().tracks().size());
        assertTrue(model.alternatives().isEmpty());
        history.undo();
        assertSame(chorale, history.current());
    }

    @Test
    void infillLeavesLockedTracksAlone() {
        List<String> ids = chorale.tracks().stream().map(t -> t.id()).toList();
        model.setSelectedTracks(ids);
        model.setSelectedRange(BAR, 3 * BAR);
        model.setLocked(ids.get(0), true);
        model.setLocked(ids.get(3), true);
        model.alternativeCountProperty().set(2);
        model.run(ComposeViewModel.Operation.INFILL).join();

        model.accept(0);
        Project after = history.current();
        assertEquals(chorale.tracks().get(0), after.tracks().get(0));
        assertEquals(chorale.tracks().get(3), after.tracks().get(3));
        assertNotEquals(chorale, after);
    }

    @Test
    void continueWithoutARangeStartsAfterTheTracksLastNote() {
        String soprano = chorale.tracks().get(0).id();
        model.setSelectedTracks(List.of(soprano));
        model.barsProperty().set(1);
        model.run(ComposeViewModel.Operation.CONTINUE).join();

        long end = ((fermata.core.model.MidiTrack) chorale.tracks().get(0)).clips().stream()
                .flatMap(c -> c.notes().stream().map(n -> c.startTick() + n.endTick())).max(Long::compare).orElseThrow();
        for (Composer.Alternative a : model.alternatives()) {
            assertEquals(List.of(soprano), List.copyOf(a.notes().keySet()));
            assertTrue(a.notes().get(soprano).stream().allMatch(n -> n.startTick() >= end - 960 && n.endTick() <= end + BAR + 960),
                    "the new bar follows the soprano's end at " + end);
        }
    }

    @Test
    void acceptingAfterTheProjectChangedIsRefused() {
        model.run(ComposeViewModel.Operation.GENERATE).join();
        history.execute(new fermata.core.edit.RenameTrack(chorale.tracks().get(0).id(), "Soprano"));
        assertThrows(IllegalStateException.class, () -> model.accept(0));
    }
}
