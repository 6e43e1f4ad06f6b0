package fermata.core.compose;

import fermata.core.edit.History;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Track;
import fermata.core.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composition operations on the bundled chorale model: key, range, locks, boundaries, undo, seeds. */
class ComposerTest {
    private static final MusicalKey D_MINOR = MusicalKey.parse("D minor");
    private static final long BAR = 4 * 960;
    private static Composer composer;
    /** Four voices, four bars in D minor, made by the composer itself. */
    private static Project chorale;

    @BeforeAll
    static void load() throws Exception {
        ComputeBackend.limitThreads(1);
        composer = new Composer(ModelFile.read(Path.of("assets/models/tcn-jsb.zip")));
        List<Composer.Alternative> first = composer.generate(Project.empty("test"), 0,
                request(4).withVoices(4).withDensity(0.6), 1, Progress.NONE);
        chorale = first.get(0).preview(Project.empty("test"));
    }

    private static GenerationRequest request(int bars) {
        return GenerationRequest.bars(bars).withKey(D_MINOR).withSeed(11);
    }

    @Test
    void generatedAlternativesStayInKeyAndRangeAndDiffer() throws Exception {
        GenerationRequest request = request(4).withVoices(4).withPitchRange(48, 76);
        List<Composer.Alternative> alternatives = composer.generate(Project.empty("x"), 0, request, 3, Progress.NONE);

        assertEquals(3, alternatives.size());
        for (Composer.Alternative a : alternatives) {
            assertEquals(4, a.notes().size(), "one new track per voice");
            assertTrue(a.noteCount() > 8, "a chorale texture, was " + a.noteCount() + " notes");
            for (Note n : all(a.notes())) {
                assertTrue(D_MINOR.inScale(n.pitch()), "pitch " + n.pitch() + " is not in D minor");
                assertTrue(n.pitch() >= 48 && n.pitch() <= 76, "pitch " + n.pitch() + " is outside 48..76");
                assertTrue(n.endTick() <= 4 * BAR, "note ends after the four bars: " + n);
            }
        }
        assertNotEquals(alternatives.get(0).notes(), alternatives.get(1).notes());
    }

    @Test
    void theSameSeedGivesTheSameMusic() throws Exception {
        Composer.Selection selection = new Composer.Selection(List.of(trackId(1)), BAR, 3 * BAR);
        List<Composer.Alternative> once = composer.infill(chorale, selection, Set.of(), request(1), 2, Progress.NONE);
        List<Composer.Alternative> again = composer.infill(chorale, selection, Set.of(), request(1), 2, Progress.NONE);
        List<Composer.Alternative> other = composer.infill(chorale, selection, Set.of(), request(1).withSeed(99), 2, Progress.NONE);

        assertEquals(once.get(0).notes(), again.get(0).notes());
        assertEquals(once.get(1).notes(), again.get(1).notes());
        assertNotEquals(once.get(0).notes(), other.get(0).notes());
    }

    @Test
    void infillChangesOnlyTheRangeOfTheUnlockedTracks() throws Exception {
        Composer.Selection selection = new Composer.Selection(List.of(trackId(0), trackId(1), trackId(2)), BAR, 3 * BAR);
        List<Composer.Alternative> alternatives = composer.infill(chorale, selection, Set.of(trackId(0)), request(1), 2, Progress.NONE);

        for (Composer.Alternative a : alternatives) {
            assertEquals(Set.of(trackId(1), trackId(2)), a.notes().keySet(), "the locked soprano gets nothing");
            assertTrue(a.score() < 0, "scored against the music after the gap: " + a.score());
            Project after = a.preview(chorale);
            assertEquals(chorale.track(trackId(0)), after.track(trackId(0)), "the locked track is unchanged");
            assertEquals(chorale.track(trackId(3)), after.track(trackId(3)), "an unselected track is unchanged");
            for (int t = 1; t <= 2; t++) {
                assertEquals(outside(chorale, trackId(t)), outside(after, trackId(t)), "notes outside the range stay");
                for (Note n : inside(after, trackId(t))) {
                    assertTrue(D_MINOR.inScale(n.pitch()));
                    assertTrue(n.endTick() <= 3 * BAR, "a new note ends by the range's end: " + n);
                }
            }
        }
    }

    @Test
    void harmonizingKeepsTheMelodyOnTopAndUnchanged() throws Exception {
        List<Composer.Alternative> alternatives = composer.harmonize(chorale, trackId(0), 0, 4 * BAR, request(1).withVoices(4), 2,
                Progress.NONE);

        Composer.Alternative a = alternatives.get(0);
        assertEquals(3, a.notes().size(), "three voices under the melody");
        Project after = a.preview(chorale);
        assertEquals(chorale.track(trackId(0)), after.track(trackId(0)));
        assertEquals(chorale.tracks().size() + 3, after.tracks().size());
        List<Note> melody = notes(chorale, trackId(0));
        for (Note n : all(a.notes())) {
            assertTrue(D_MINOR.inScale(n.pitch()));
            for (Note m : melody) {
                boolean overlaps = n.startTick() < m.endTick() && m.startTick() < n.endTick();
                assertFalse(overlaps && n.pitch() > m.pitch(), "harmony " + n + " sounds above the melody " + m);
            }
        }
    }

    @Test
    void continuationFollowsTheSelectionInItsTracks() throws Exception {
        Composer.Selection selection = new Composer.Selection(List.of(trackId(0), trackId(3)), 0, 4 * BAR);
        Composer.Alternative a = composer.continueSelection(chorale, selection, request(2), 1, Progress.NONE).get(0);

        assertEquals(Set.of(trackId(0), trackId(3)), a.notes().keySet());
        for (Note n : all(a.notes())) {
            assertTrue(n.startTick() >= 4 * BAR && n.endTick() <= 6 * BAR, "inside the two new bars: " + n);
        }
        Project after = a.preview(chorale);
        assertEquals(notes(chorale, trackId(0)), notes(after, trackId(0)).stream().filter(n -> n.startTick() < 4 * BAR).toList());
    }

    @Test
    void anAcceptedAlternativeIsOneUndoStep() throws Exception {
        History history = new History(chorale);
        Composer.Selection selection = new Composer.Selection(List.of(trackId(2)), 0, 2 * BAR);
        Composer.Alternative a = composer.infill(chorale, selection, Set.of(), request(1).withDensity(0.7), 1, Progress.NONE).get(0);

        history.execute(a.edit());
        assertEquals(a.preview(chorale), history.current());
        history.undo();
        assertSame(chorale, history.current());
    }

    @Test
    void densityControlsHowManyNotesArePlayed() throws Exception {
        int sparse = 0;
        int dense = 0;
        for (int seed = 0; seed < 3; seed++) {
            sparse += composer.generate(Project.empty("x"), 0, request(2).withSeed(seed).withDensity(0.2), 1, Progress.NONE).get(0).noteCount();
            dense += composer.generate(Project.empty("x"), 0, request(2).withSeed(seed).withDensity(0.8), 1, Progress.NONE).get(0).noteCount();
        }
        assertTrue(dense > sparse * 1.5, "density 0.8 gave " + dense + " notes, 0.2 gave " + sparse);
    }

    private static String trackId(int index) {
        return chorale.tracks().get(index).id();
    }

    private static List<Note> all(Map<String, List<Note>> byTrack) {
        List<Note> result = new ArrayList<>();
        byTrack.values().forEach(result::addAll);
        return result;
    }

    /** A track's notes on absolute ticks, sorted. */
    private static List<Note> notes(Project project, String trackId) {
        List<Note> result = new ArrayList<>();
        Track track = project.track(trackId);
        for (MidiClip clip : ((MidiTrack) track).clips()) {
            for (Note n : clip.notes()) {
                result.add(n.withStart(clip.startTick() + n.startTick()));
            }
        }
        result.sort(Note.ORDER);
        return result;
    }

    private static List<Note> outside(Project project, String trackId) {
        return notes(project, trackId).stream().filter(n -> n.startTick() < BAR || n.startTick() >= 3 * BAR).toList();
    }

    private static List<Note> inside(Project project, String trackId) {
        return notes(project, trackId).stream().filter(n -> n.startTick() >= BAR && n.startTick() < 3 * BAR).toList();
    }
}
