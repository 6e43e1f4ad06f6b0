package fermata.core.engine;

import fermata.core.engine.rt.AudioEngine;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Ppq;
import fermata.core.midi.MidiFiles;
import fermata.core.model.Project;
import fermata.core.model.Track;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Speed against FluidSynth on the same files and SoundFont, and real-time headroom. Run with
 * scripts/bench-engine.sh; excluded from normal builds by its tag. The MIDI-to-project conversion
 * here is a bench-only stand-in for the MIDI package's reader (notes, programs and tempo only).
 */
@Tag("bench")
class EngineBenchmark {
    private static final Path SF2 = Path.of(System.getProperty("bench.sf2", "/usr/share/sounds/sf2/FluidR3_GM.sf2"));
    private static final Path NOTTINGHAM = Path.of(System.getProperty("bench.midi",
            "/work/shared/data/midi/nottingham"));
    private static final int RATE = 48_000;

    @Test
    void renderSpeedAgainstFluidSynthAndHeadroom() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("ashover1.mid", "ashover10.mid", "ashover11.mid")) {
            if (Files.exists(NOTTINGHAM.resolve(name))) {
                files.add(NOTTINGHAM.resolve(name));
            }
        }
        Path dense = Path.of("/tmp/fermata-bench-dense16.mid");
        MidiSystem.write(denseSequence(), 1, dense.toFile());
        files.add(dense);
        System.out.println("| file | audio s | Fermata s | Fermata x RT | Gervill s | Gervill x RT | FluidSynth s "
                + "| FluidSynth x RT | Fermata / FluidSynth | Gervill / FluidSynth |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Path midi : files) {
            Project project = MidiFiles.read(midi);
            double[] seconds = new double[2];
            double audio = 0;
            for (SynthEngine engine : SynthEngine.values()) {
                RenderOptions options = RenderOptions.defaults().withSoundFont(SF2).withTailSeconds(1.0).withSynth(engine);
                new OfflineRenderer().render(project, options, discard(), ProgressListener.NONE, () -> false);
                long t0 = System.nanoTime();
                RenderService.Result result = new OfflineRenderer().render(project, options, discard(),
                        ProgressListener.NONE, () -> false);
                seconds[engine.ordinal()] = (System.nanoTime() - t0) / 1e9;
                audio = result.seconds();
            }
            Path wav = Files.createTempFile("fluid", ".wav");
            long t1 = System.nanoTime();
            Process p = new ProcessBuilder("fluidsynth", "-ni", "-F", wav.toString(), "-r", "48000", SF2.toString(),
                    midi.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            double fluid = (System.nanoTime() - t1) / 1e9;
            double fluidSpeed = (Files.size(wav) - 44) / 4.0 / RATE / fluid;
            Files.delete(wav);
            double ours = seconds[SynthEngine.FERMATA.ordinal()];
            double gervill = seconds[SynthEngine.GERVILL.ordinal()];
            System.out.printf("| %s | %.1f | %.2f | %.1f | %.2f | %.1f | %.2f | %.1f | %.2f | %.2f |%n", midi.getFileName(),
                    audio, ours, audio / ours, gervill, audio / gervill, fluid, fluidSpeed, audio / ours / fluidSpeed,
                    audio / gervill / fluidSpeed);
        }
        for (SynthEngine engine : SynthEngine.values()) {
            headroom(Integer.getInteger("bench.tracks", 32), engine);
        }
    }

    private static void headroom(int tracks, SynthEngine synth) throws Exception {
        Path dense = Path.of("/tmp/fermata-bench-dense16.mid");
        MidiSystem.write(denseSequence(), 1, dense.toFile());
        Project project = MidiFiles.read(dense);
        List<Track> many = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            MidiTrack t = (MidiTrack) project.tracks().get(i % project.tracks().size());
            many.add(new MidiTrack("t" + i, "t" + i, t.instrument(), MixerSettings.UNITY, t.clips()));
        }
        try (AudioEngine engine = new AudioEngine(RATE, 512, Optional.of(SF2), RenderOptions.DEFAULT_CEILING_DBTP,
                ClipSourceProvider.NONE, SampleRateConverter.MATCHING_RATES_ONLY, synth)) {
            engine.publish(project.withTracks(many));
            engine.play();
            float[][] block = new float[2][512];
            for (int b = 0; b < 1000; b++) {
                engine.renderCycle(block, 512);
            }
            int blocks = 3000;
            long worst = 0;
            long t0 = System.nanoTime();
            for (int b = 0; b < blocks; b++) {
                long s = System.nanoTime();
                engine.renderCycle(block, 512);
                worst = Math.max(worst, System.nanoTime() - s);
            }
            double mean = (System.nanoTime() - t0) / 1e6 / blocks;
            double period = 512 * 1000.0 / RATE;
            System.out.printf("headroom, %s: %d busy tracks, 512-frame period %.2f ms: mean %.2f ms (%.0f%%), worst %.2f ms%n",
                    synth.id(), tracks, period, mean, 100 * mean / period, worst / 1e6);
        }
    }

    /**
     * The balance between instruments against FluidSynth's: one note C4 at velocity 100 per
     * program, reverb and chorus off on both sides, RMS of the first second after 50 ms, each
     * engine's level relative to its own mean over the programs (FluidSynth's master gain and ours
     * differ by a constant). Not a speed figure, but it needs FluidSynth, so it lives here.
     */
    @Test
    void levelBalanceAgainstFluidSynth() throws Exception {
        int[] programs = {0, 4, 11, 19, 24, 32, 35, 40, 48, 56, 61, 65, 71, 73, 80, 89};
        double[] ours = new double[programs.length];
        double[] fluid = new double[programs.length];
        javax.sound.midi.Soundbank bank = MidiSystem.getSoundbank(SF2.toFile());
        for (int i = 0; i < programs.length; i++) {
            int program = programs[i];
            fermata.core.engine.synth.FermataSynth synth = fermata.core.engine.synth.FermataSynth.open(RATE, 512,
                    Optional.of(bank));
            synth.loadInstruments(java.util.Set.of(program), false);
            float[] left = SynthTesting.render(synth, 2 * RATE, new int[] {0, 0xB0, 91, 0}, new int[] {0, 0xB0, 93, 0},
                    new int[] {0, 0xC0, program, 0}, new int[] {0, 0x90, 60, 100}, new int[] {RATE, 0x80, 60, 0})[0];
            ours[i] = SynthTesting.rmsDb(left, RATE / 20, RATE);
            Sequence one = new Sequence(Sequence.PPQ, 96);
            javax.sound.midi.Track track = one.createTrack();
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0), 0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100), 0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), 192));
            Path mid = Files.createTempFile("fermata-level", ".mid");
            Path wav = Files.createTempFile("fermata-level", ".wav");
            MidiSystem.write(one, 0, mid.toFile());
            new ProcessBuilder("fluidsynth", "-ni", "-g", "1", "-o", "synth.reverb.active=0", "-o",
                    "synth.chorus.active=0", "-F", wav.toString(), "-r", "48000", SF2.toString(), mid.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            byte[] bytes = Files.readAllBytes(wav);
            float[] fluidLeft = new float[(bytes.length - 44) / 4];
            for (int f = 0; f < fluidLeft.length; f++) {
                fluidLeft[f] = (short) ((bytes[44 + 4 * f] & 0xFF) | (bytes[45 + 4 * f] << 8)) / 32768f;
            }
            fluid[i] = SynthTesting.rmsDb(fluidLeft, RATE / 20, Math.min(RATE, fluidLeft.length - RATE / 20));
            Files.delete(mid);
            Files.delete(wav);
        }
        double oursMean = java.util.Arrays.stream(ours).average().orElseThrow();
        double fluidMean = java.util.Arrays.stream(fluid).average().orElseThrow();
        System.out.printf("level balance against FluidSynth (%s, C4 velocity 100, dB relative to each engine's mean; "
                + "offset of the means %.1f dB)%n", SF2.getFileName(), oursMean - fluidMean);
        System.out.println("| program | Fermata | FluidSynth | difference |");
        System.out.println("|---|---|---|---|");
        double worst = 0;
        for (int i = 0; i < programs.length; i++) {
            double difference = (ours[i] - oursMean) - (fluid[i] - fluidMean);
            worst = Math.max(worst, Math.abs(difference));
            System.out.printf("| %d | %.1f | %.1f | %+.1f |%n", programs[i], ours[i] - oursMean, fluid[i] - fluidMean,
                    difference);
        }
        System.out.printf("largest difference %.1f dB%n", worst);
    }

    private static AudioSink discard() {
        return new AudioSink() {
            @Override
            public void begin(int sampleRate, int channels, long totalFrames) {
                // The benchmark measures rendering, not writing.
            }

            @Override
            public void write(float[][] planar, int frames) {
                // Discarded on purpose.
            }

            @Override
            public void close() {
                // Nothing to close.
            }
        };
    }

    /** 16 tracks (one drum track), 5 minutes at 140 BPM, chords and runs of 16th notes. */
    static Sequence denseSequence() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, Ppq.TICKS_PER_QUARTER);
        javax.sound.midi.Track conductor = seq.createTrack();
        int micros = 60_000_000 / 140;
        conductor.add(new MidiEvent(new MetaMessage(0x51, new byte[] {(byte) (micros >> 16), (byte) (micros >> 8),
                (byte) micros}, 3), 0));
        long sixteenths = 140L * 5 * 4;
        Random random = new Random(16);
        for (int ch = 0; ch < 16; ch++) {
            javax.sound.midi.Track track = seq.createTrack();
            int channel = ch;
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, (ch * 8) % 128, 0), 0));
            for (long s = 0; s < sixteenths; s++) {
                long tick = s * Ppq.TICKS_PER_QUARTER / 4;
                int voices = channel == 9 ? 2 : 1 + random.nextInt(3);
                for (int v = 0; v < voices; v++) {
                    int pitch = channel == 9 ? 35 + random.nextInt(47) : 36 + random.nextInt(60);
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, 60 + random.nextInt(60)), tick));
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0),
                            tick + Ppq.TICKS_PER_QUARTER / 4 - 10));
                }
            }
        }
        return seq;
    }
}
