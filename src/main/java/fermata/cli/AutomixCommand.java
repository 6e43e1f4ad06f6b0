package fermata.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.error.BadInputException;
import fermata.core.media.AudioFiles;
import fermata.core.media.DecodedAudio;
import fermata.core.media.Resampler;
import fermata.core.media.WavWriter;
import fermata.core.mix.AutoMixer;
import fermata.core.mix.MixPreset;
import fermata.core.mix.MixPresets;
import fermata.core.mix.MixReport;
import fermata.core.mix.ReferenceProfile;
import fermata.core.mix.Stem;
import fermata.core.mix.StemRole;
import fermata.core.project.AtomicFiles;
import fermata.core.project.UserData;
import fermata.core.task.CancelledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fermata automix STEM... -o MIX.wav}: one-click mix of stems to a preset's loudness, with a report of every decision. */
@Command(name = "automix", mixinStandardHelpOptions = true,
        description = "Mix stems automatically: roles, gain staging, high-pass, unmasking EQ, compression, panning, "
                + "master glue, tonal balance and a true-peak limiter to the preset's loudness. Presets: streaming "
                + "(default), apple-music, ebu-r128, club, podcast, or your own in the user-data folder's presets/.")
public final class AutomixCommand implements Callable<Integer> {
    private static final double MAX_SECONDS = 30 * 60;

    @Parameters(paramLabel = "STEM", arity = "1..*", description = "the stems (WAV, AIFF, FLAC, MP3, Ogg), mono or stereo")
    List<Path> stems;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MIX.wav", description = "the WAV file to write")
    Path out;

    @Option(names = "--preset", defaultValue = MixPresets.DEFAULT, paramLabel = "NAME", description = "the mix target (default streaming)")
    String presetName;

    @Option(names = "--reference", paramLabel = "REF", description = "a finished track whose loudness, tonal balance and width to match")
    Path reference;

    @Option(names = "--report", paramLabel = "REPORT.json", description = "write every decision and its reason as JSON")
    Path report;

    @Option(names = "--role", paramLabel = "STEM=ROLE",
            description = "correct a stem's role (STEM: its file name or 1-based position; ROLE: drums, bass, lead, keys, guitars, other)")
    List<String> roleCorrections = new ArrayList<>();

    @Option(names = "--bits", defaultValue = "24", paramLabel = "16|24|32f", description = "sample format (default 24)")
    String bits;

    @Option(names = "--json", description = "print the report as JSON on stdout")
    boolean json;

    @Option(names = "--force", description = "overwrite MIX.wav and REPORT.json if they exist")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInputException, IOException, CancelledException {
        for (Path stem : stems) {
            CliFiles.requireReadable(stem);
        }
        CliFiles.requireWritable(out, force);
        if (report != null) {
            CliFiles.requireWritable(report, force);
        }
        WavWriter.Encoding encoding = CliAudio.encoding(bits);
        Map<String, MixPreset> presets = MixPresets.all(UserData.current());
        MixPreset preset = presets.get(presetName.toLowerCase(Locale.ROOT));
        if (preset == null) {
            throw new CliException("--preset " + presetName + " is not known; choose one of " + String.join(", ", presets.keySet()));
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Stem> loaded = new ArrayList<>();
        int rate = 0;
        for (int i = 0; i < stems.size(); i++) {
            Path file = stems.get(i);
            err.println("fermata: reading " + file);
            DecodedAudio audio = AudioFiles.readAll(file, MAX_SECONDS);
            if (audio.frames() == 0) {
                throw new BadInputException(file, null, "the stem holds no samples", "Leave it out or export it again");
            }
            float[][] samples = audio.channels() > 2 ? new float[][] {audio.samples()[0], audio.samples()[1]} : audio.samples();
            if (i == 0) {
                rate = audio.sampleRate() == 44_100 || audio.sampleRate() == 48_000 || audio.sampleRate() == 96_000
                        ? audio.sampleRate() : 48_000;
            }
            if (audio.sampleRate() != rate) {
                samples = resample(samples, audio.sampleRate(), rate);
            }
            loaded.add(new Stem("stem" + (i + 1), file.getFileName().toString(), samples, rate));
        }
        AutoMixer.Options options = AutoMixer.Options.of(preset).withRoles(roles(loaded));
        if (reference != null) {
            CliFiles.requireReadable(reference);
            DecodedAudio ref = AudioFiles.readAll(reference, MAX_SECONDS);
            try {
                options = options.withReference(ReferenceProfile.measure(reference.getFileName().toString(),
                        ref.channels() > 2 ? new float[][] {ref.samples()[0], ref.samples()[1]} : ref.samples(), ref.sampleRate()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(reference, null, e.getMessage(), "Give a reference track with sound in it");
            }
        }
        AutoMixer.Result result = AutoMixer.mix(loaded, options, CliAudio.stderrProgress(err));
        float[][] mix = result.mix();
        CliAudio.writeWav(out, mix, result.sampleRate(), encoding);
        ObjectNode node = MixReport.toJson(result.plan(), stems.stream().map(Path::toString).toList());
        node.put("output", out.toString());
        node.put("sample_rate", result.sampleRate());
        node.put("duration_seconds", CliJson.round((double) mix[0].length / result.sampleRate()));
        if (report != null) {
            AtomicFiles.write(report, CliJson.MAPPER.writeValueAsBytes(node), false);
            err.println("fermata: wrote " + report);
        }
        err.printf(Locale.ROOT, "fermata: wrote %s (%.1f LUFS integrated, %.2f dBTP true peak)%n", out,
                result.plan().master().integratedLufs(), result.plan().master().truePeakDbtp());
        if (json) {
            CliJson.print(node, true, spec.commandLine().getOut());
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            result.plan().stems().forEach(s -> stdout.printf(Locale.ROOT, "%-24s %-8s %+6.1f dB  pan %+.2f%n",
                    s.name(), s.role().key(), s.mixer().gainDb(), s.mixer().pan()));
            stdout.printf(Locale.ROOT, "master: %.1f LUFS, %.2f dBTP (preset %s)%n", result.plan().master().integratedLufs(),
                    result.plan().master().truePeakDbtp(), preset.name());
            stdout.flush();
        }
        return FermataCommand.EXIT_OK;
    }

    private Map<String, StemRole> roles(List<Stem> loaded) {
        Map<String, StemRole> roles = new HashMap<>();
        for (String correction : roleCorrections) {
            int eq = correction.lastIndexOf('=');
            if (eq <= 0) {
                throw new CliException("--role " + correction + ": write STEM=ROLE, for example --role 3=bass");
            }
            String which = correction.substring(0, eq);
            StemRole role;
            try {
                role = StemRole.parse(correction.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new CliException("--role " + correction + ": " + e.getMessage());
            }
            Stem match = null;
            for (int i = 0; i < loaded.size(); i++) {
                if (which.equals(String.valueOf(i + 1)) || which.equals(loaded.get(i).name())
                        || which.equals(stems.get(i).toString())) {
                    match = loaded.get(i);
                }
            }
            if (match == null) {
                throw new CliException("--role " + correction + ": no stem is called " + which
                        + "; give its file name or its position (1.." + loaded.size() + ")");
            }
            roles.put(match.trackId(), role);
        }
        return roles;
    }

    private static float[][] resample(float[][] samples, int from, int to) {
        try (Resampler resampler = new Resampler(samples.length, from, to)) {
            int frames = samples[0].length;
            float[][] out = new float[samples.length][(int) Resampler.outputLength(frames, from, to)];
            float[][] buffer = new float[samples.length][resampler.maxOutputFrames(frames)];
            int ready = resampler.process(samples, 0, frames, buffer, 0);
            float[][] tail = resampler.finish();
            int tailFrames = tail.length == 0 ? 0 : tail[0].length;
            for (int c = 0; c < samples.length; c++) {
                int head = Math.min(ready, out[c].length);
                System.arraycopy(buffer[c], 0, out[c], 0, head);
                System.arraycopy(tail[c], 0, out[c], head, Math.min(tailFrames, out[c].length - head));
            }
            return out;
        }
    }
}
