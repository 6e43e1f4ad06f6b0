package fermata.core.engine;

import fermata.core.model.Instrument;
import fermata.core.model.Note;
import fermata.core.model.Project;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a General MIDI SoundFont, each track loads just the instruments it plays, drum kits
 * included. Uses Debian's small TimGM6mb bank (installed by .ci/run); skipped where it is absent.
 */
class SoundFontInstrumentsTest {
    private static final Path SF2 = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");

    private static float peak(Project p) throws Exception {
        float[] left = TestSignals.render(p, TestSignals.options(0.2).withSoundFont(SF2), ClipSourceProvider.NONE)
                .channel(0);
        float peak = 0;
        for (float x : left) {
            peak = Math.max(peak, Math.abs(x));
        }
        return peak;
    }

    @Test
    void drumsAndMelodicTracksSoundWithOnlyTheirInstrumentsLoaded() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SF2), "skipped: " + SF2 + " absent (apt-get install timgm6mb-soundfont)");
        Project drums = TestSignals.project(List.of(TestSignals.midiTrack("drums", new Instrument(0, 0, 0, 9),
                new Note(36, 0, 240, 127, 9), new Note(38, 480, 240, 127, 9))), List.of());
        Project bass = TestSignals.project(List.of(TestSignals.midiTrack("bass", new Instrument(33, 0, 0, 0),
                new Note(36, 0, 960, 120, 0))), List.of());
        assertTrue(peak(drums) > 0.05, "the drum kit plays");
        assertTrue(peak(bass) > 0.05, "the bass plays");
    }
}
