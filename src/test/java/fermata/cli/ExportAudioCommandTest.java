package fermata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import fermata.core.edit.AddMarker;
import fermata.core.edit.ReverseAudioRange;
import fermata.core.media.AudioFiles;
import fermata.core.media.PeakCache;
import fermata.core.media.WavWriter;
import fermata.core.model.Marker;
import fermata.core.model.Project;
import fermata.core.project.ProjectFiles;
import fermata.core.task.Progress;
import fermata.core.waveform.AudioImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fermata export-audio}: a region of an edited track, as JSON, and the one-line errors. */
class ExportAudioCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsAnEditedRegionOfATrack() throws Exception {
        float[][] ramp = new float[1][48_000];
        for (int i = 0; i < ramp[0].length; i++) {
            ramp[0][i] = (i + 1) / 65_536f;
        }
        Path wav = dir.resolve("ramp.wav");
        try (WavWriter w = WavWriter.create(wav, 48_000, 1, WavWriter.Encoding.FLOAT_32)) {
            w.write(ramp, 0, ramp[0].length);
            w.commit();
        }
        Project empty = Project.empty("song");
        AudioImporter.Imported imported = new AudioImporter(new PeakCache(dir.resolve("peaks")))
                .prepare(wav, 0, Progress.NONE);
        Project p = AudioImporter.command(empty, null, imported).apply(empty);
        String track = p.tracks().get(0).id();
        p = new ReverseAudioRange(track, 1000, 2000).apply(p);
        p = new AddMarker(track, new Marker("r1", "chorus", 1000, 1000)).apply(p);
        Path song = dir.resolve("song.fermata");
        ProjectFiles.write(p, song);

        Path out = dir.resolve("chorus.wav");
        CliRun r = CliRun.run("export-audio", song.toString(), "--track", "ramp", "--region", "chorus",
                "--bits", "32f", "-o", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = CliJson.MAPPER.readTree(r.out());
        assertEquals(1000, json.get("frames").asInt());
        float[] written = AudioFiles.readAll(out, 10).samples()[0];
        for (int i = 0; i < 1000; i++) {
            assertEquals(ramp[0][1999 - i], written[i], "the region plays reversed, frame " + i);
        }
        CliRun again = CliRun.run("export-audio", song.toString(), "--track", "ramp", "-o", out.toString());
        assertEquals(2, again.code(), "no overwrite without --force");

        CliRun unknown = CliRun.run("export-audio", song.toString(), "--track", "nope", "-o",
                dir.resolve("x.wav").toString());
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("no track"), unknown.err());

        Path whole = dir.resolve("whole.wav");
        CliRun all = CliRun.run("export-audio", song.toString(), "--track", "ramp", "--bits", "16",
                "--rate", "44100", "-o", whole.toString());
        assertEquals(0, all.code(), all.err());
        assertEquals(44_100, AudioFiles.probe(whole).frames());
        assertTrue(Files.size(whole) > 88_000);
    }
}
