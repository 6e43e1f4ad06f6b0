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
