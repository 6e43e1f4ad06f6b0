package fermata.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.error.BadInputException;
import fermata.core.media.AudioFiles;
import fermata.core.media.DecodedAudio;
import fermata.core.media.WavWriter;
import fermata.core.mix.DenoiseSettings;
import fermata.core.mix.Denoiser;
import fermata.core.preset.DenoisePreset;
import fermata.core.project.UserData;
import fermata.core.task.CancelledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code fermata denoise IN -o OUT.wav}: spectral noise reduction, hum and click removal of one recording. */
@Command(name = "denoise", mixinStandardHelpOptions = true,
        description = "Reduce broadband noise (MMSE-LSA, MMSE-STSA or a spectral gate), notch out 50/60 Hz hum and optionally "
                + "repair clicks. The noise profile comes from --profile (a recording of the noise alone) or from "
                + "the quietest parts of IN.")
public final class DenoiseCommand implements Callable<Integer> {
    /** Recordings longer than this are refused: the denoiser holds the whole recording in memory. */
    private static final double MAX_SECONDS = 3 * 3600;

    @Parameters(paramLabel = "IN", description = "the recording (WAV, AIFF, FLAC, MP3, Ogg)")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.wav", description = "the WAV file to write")
    Path out;

    @Option(names = "--profile", paramLabel = "NOISE", description = "a recording of the noise alone, at IN's sample rate")
    Path profile;

    @Option(names = "--reduction-db", paramLabel = "D", description = "the most noise is turned down, dB (default 24; gate 12)")
    Double reductionDb;

    @Option(names = "--method", paramLabel = "lsa|stsa|gate",
            description = "lsa: MMSE log-spectral amplitude estimator (default); stsa: MMSE-STSA; gate: Audacity-style spectral gate")
    String method;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "start from a denoise preset (gentle, voice, strong, hum-only, vinyl or your own in "
                    + "FERMATA_HOME/presets/denoise); the other options override it")
    String preset;

    @Option(names = "--sensitivity-db", paramLabel = "S",
            description = "gate: how far above the noise a bin must rise to pass (default 6); mmse: noise over-estimate (default 0)")
    Double sensitivityDb;

    @Option(names = "--no-hum", description = "do not look for 50/60 Hz hum")
    boolean noHum;

    @Option(names = "--declick", description = "also find and repair clicks and crackle")
    boolean declick;

    @Option(names = "--bits", defaultValue = "24", paramLabel = "16|24|32f", description = "sample format (default 24)")
    String bits;

    @Option(names = "--json", description = "print what was done as JSON on stdout")
    boolean json;

    @Option(names = "--force", description = "overwrite OUT if it exists")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInputException, IOException, CancelledException {
        CliFiles.requireReadable(in);
        CliFiles.requireWritable(out, force);
        WavWriter.Encoding encoding = CliAudio.encoding(bits);
        DenoiseSettings settings = preset == null ? null
                : DenoisePreset.LIBRARY.require(preset, UserData.current()).settings();
        if (method != null || settings == null) {
            String chosen = method == null ? "lsa" : method;
            DenoiseSettings.Method m = switch (chosen) {
                case "lsa" -> DenoiseSettings.Method.MMSE_LSA;
                case "stsa" -> DenoiseSettings.Method.MMSE_STSA;
                case "gate" -> DenoiseSettings.Method.SPECTRAL_GATE;
                default -> throw new CliException("--method must be lsa, stsa or gate, was " + chosen);
            };
            if (settings != null) {
                settings = settings.withMethod(m);
            } else {
                settings = m == DenoiseSettings.Method.SPECTRAL_GATE ? DenoiseSettings.gate() : DenoiseSettings.defaults().withMethod(m);
            }
        }
        if (reductionDb != null) {
            if (!(reductionDb >= 0 && reductionDb <= 60)) {
                throw new CliException("--reduction-db must be between 0 and 60, was " + reductionDb);
            }
            settings = settings.withReductionDb(reductionDb);
        }
        if (sensitivityDb != null) {
            if (!(sensitivityDb >= -20 && sensitivityDb <= 30)) {
                throw new CliException("--sensitivity-db must be between -20 and 30, was " + sensitivityDb);
            }
            settings = settings.withSensitivityDb(sensitivityDb);
        }
        if (noHum) {
            settings = settings.withHumRemoval(false);
        }
        if (declick) {
            settings = settings.withClickRemoval(true);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("fermata: reading " + in);
        DecodedAudio audio = AudioFiles.readAll(in, MAX_SECONDS);
        if (audio.frames() == 0) {
            throw new BadInputException(in, null, "the recording holds no samples", "Give a file with audio in it");
        }
        float[][] noise = null;
        if (profile != null) {
            CliFiles.requireReadable(profile);
            DecodedAudio noiseAudio = AudioFiles.readAll(profile, MAX_SECONDS);
            if (noiseAudio.sampleRate() != audio.sampleRate()) {
                throw new BadInputException(profile, null, "the noise profile is at " + noiseAudio.sampleRate()
                        + " Hz, the recording at " + audio.sampleRate() + " Hz",
                        "Convert it first: fermata convert " + profile + " noise.wav --rate " + audio.sampleRate());
            }
            if (noiseAudio.frames() < Denoiser.fftSize(audio.sampleRate())) {
                throw new BadInputException(profile, null, "the noise profile is shorter than one analysis frame ("
                        + Denoiser.fftSize(audio.sampleRate()) + " samples)", "Give at least half a second of noise");
            }
            noise = noiseAudio.samples();
        }
        Denoiser.Result result = Denoiser.denoise(audio.samples(), audio.sampleRate(), noise, settings, CliAudio.stderrProgress(err));
        float[][] samples = result.samples();
        CliAudio.writeWav(out, samples, audio.sampleRate(), encoding);
        Denoiser.Report report = result.report();
        ObjectNode node = CliJson.MAPPER.createObjectNode();
        node.put("input", in.toString());
        node.put("output", out.toString());
        if (preset == null) {
            node.putNull("preset");
        } else {
            node.put("preset", preset.toLowerCase(Locale.ROOT));
        }
        node.put("method", settings.method().name().toLowerCase(Locale.ROOT));
        node.put("reduction_db", CliJson.round(settings.reductionDb()));
        node.put("sensitivity_db", CliJson.round(settings.sensitivityDb()));
        node.put("remove_hum", settings.removeHum());
        node.put("remove_clicks", settings.removeClicks());
        node.put("noise_profile", report.profileSource());
        node.put("noise_level_db", CliJson.round(report.noiseLevelDb()));
        if (report.humHz().isPresent()) {
            node.put("hum_hz", CliJson.round(report.humHz().get()));
        } else {
            node.putNull("hum_hz");
        }
        node.put("hum_harmonics_notched", report.humHarmonics());
        node.put("clicks_repaired", report.clicksRepaired());
        err.println("fermata: wrote " + out);
        CliJson.print(node, json, spec.commandLine().getOut());
        return FermataCommand.EXIT_OK;
    }
}
