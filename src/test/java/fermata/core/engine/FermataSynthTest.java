package fermata.core.engine;

import fermata.core.engine.synth.FermataSynth;
import fermata.core.engine.synth.TrackSynth;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static fermata.core.engine.SynthTesting.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fermata's SoundFont synthesizer against exact answers (a generated SF2 with a known sine and
 * drum kit), against the real banks (the JDK's built-in one and TimGM6mb where installed), and
 * against Gervill, the reference engine.
 */
class FermataSynthTest {
    private static final Path TIM = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");
    private static final int NOTE_ON = 0x90;
    private static final int NOTE_OFF = 0x80;
    private static final int CC = 0xB0;
    private static final int PROGRAM = 0xC0;
    private static final int BEND = 0xE0;

    @TempDir
    static Path dir;
    private static Soundbank testBank;

    @BeforeAll
    static void writeTestBank() throws Exception {
        testBank = MidiSystem.getSoundbank(TestSoundFont.write(dir).toFile());
    }

    private static FermataSynth sine() throws Exception {
        FermataSynth synth = FermataSynth.open(RATE, SynthTesting.BLOCK, Optional.of(testBank));
        synth.loadInstruments(Set.of(0), false);
        return synth;
    }

    private static double cents(double hz, double reference) {
        return 1200 * Math.log(hz / reference) / Math.log(2);
    }

    private static float peak(float[] signal, int from, int to) {
        float peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(signal[i]));
        }
        return peak;
    }

    @Test
    void theTestSineSoundsAtItsPitchAndTheLevelTheGeneratorsGive() throws Exception {
        for (int key : new int[] {57, 69, 81}) {
            float[][] out = SynthTesting.render(sine(), 80_000, new int[] {0, NOTE_ON, key, 127});
            double expected = 440 * Math.pow(2, (key - 69) / 12.0);
            assertEquals(expected, SynthTesting.strongestPeak(out[0], 4800), 1.0, "strongest peak, key " + key);
            assertEquals(0, cents(SynthTesting.peakNear(out[0], 4800, expected), expected), 0.5, "pitch of key " + key);
            // Velocity 127 is 0 dB; CC7 at its default 100 is 40 log10(100/127) = -4.15 dB; centre pan -3 dB.
            double amplitude = TestSoundFont.AMPLITUDE * Math.pow(10, 40 * Math.log10(100 / 127.0) / 20) * Math.sqrt(0.5);
            assertEquals(amplitude, peak(out[0], 4800, 80_000), amplitude * 0.01, "level of key " + key);
            assertEquals(amplitude, peak(out[1], 4800, 80_000), amplitude * 0.01, "right channel, key " + key);
        }
    }

    @Test
    void oneNoteHasItsEnergyAtTheFundamentalWithTheRealBanks() throws Exception {
        Optional<Soundbank> builtIn = Optional.empty();
        for (int key : new int[] {57, 69, 81}) {
            double f0 = 440 * Math.pow(2, (key - 69) / 12.0);
            TrackSynth organ = FermataSynth.open(RATE, SynthTesting.BLOCK, builtIn);
            organ.loadInstruments(Set.of(19), false);
            float[] built = SynthTesting.note(organ, 0, 19, key, 100, 70_000, 72_000);
            assertEquals(f0, SynthTesting.strongestPeak(built, 2400), f0 * 0.03, "built-in organ, key " + key);
            assertEquals(0, cents(SynthTesting.peakNear(built, 2400, f0), f0), 5, "built-in organ tuning, key " + key);
        }
        Assumptions.assumeTrue(Files.isRegularFile(TIM), "skipped for TimGM6mb: " + TIM + " absent (apt-get install timgm6mb-soundfont)");
        Soundbank tim = MidiSystem.getSoundbank(TIM.toFile());
        for (int key : new int[] {57, 69, 81}) {
            double f0 = 440 * Math.pow(2, (key - 69) / 12.0);
            TrackSynth violin = FermataSynth.open(RATE, SynthTesting.BLOCK, Optional.of(tim));
            violin.loadInstruments(Set.of(40), false);
            float[] played = SynthTesting.note(violin, 0, 40, key, 100, 70_000, 72_000);
            assertEquals(f0, SynthTesting.strongestPeak(played, 2400), f0 * 0.03, "TimGM6mb violin, key " + key);
        }
    }

    @Test
    void noteOnAndNoteOffAreSampleAccurate() throws Exception {
        int on = 1000;
        int off = 20_000 + 77;
        float[] a = SynthTesting.render(sine(), 30_000, new int[] {on, NOTE_ON, 69, 100}, new int[] {off, NOTE_OFF, 69, 0})[0];
        float[] shifted = SynthTesting.render(sine(), 30_000, new int[] {on + 1, NOTE_ON, 69, 100},
                new int[] {off + 1, NOTE_OFF, 69, 0})[0];
        float[] laterOff = SynthTesting.render(sine(), 30_000, new int[] {on, NOTE_ON, 69, 100},
                new int[] {off + 1, NOTE_OFF, 69, 0})[0];
        for (int i = 0; i < on; i++) {
            assertEquals(0f, a[i], "silence before the note-on at " + on + ", frame " + i);
        }
        assertTrue(peak(a, on, on + 16) > 0, "sound within 16 frames of the note-on");
        for (int i = 0; i + 1 < a.length; i++) {
            assertEquals(a[i], shifted[i + 1], "a note one frame later is the same signal one frame later, frame " + i);
        }
        for (int i = 0; i < off; i++) {
            assertEquals(a[i], laterOff[i], "nothing changes before the note-off, frame " + i);
        }
        assertTrue(a[off + 10] != laterOff[off + 10], "the release starts at the note-off's own frame");
        assertEquals(0f, peak(a, off + 64, a.length), "the zero-length release is over within a control block");
    }

    @Test
    void aFullMessageQueueKeepsTheOrderOfItsMessages() throws Exception {
        FermataSynth synth = sine();
        float[] l = new float[SynthTesting.BLOCK];
        float[] r = new float[SynthTesting.BLOCK];
        // More messages in one block than the queue holds: the note-off comes after the overflow.
        synth.send(NOTE_ON, 0, 69, 100, 0);
        for (int i = 0; i < 5000; i++) {
            synth.send(CC, 0, 1, i % 128, 10);
        }
        synth.send(NOTE_OFF, 0, 69, 0, 20);
        float loudest = 0;
        for (int block = 0; block < 8; block++) {
            synth.render(l, r, SynthTesting.BLOCK);
            if (block >= 4) {
                loudest = Math.max(loudest, peak(l, 0, SynthTesting.BLOCK));
            }
        }
        assertEquals(0f, loudest, "the note-off did not overtake its note-on: the note ended");
    }

    @Test
    void theReverbSendDoesNotDependOnPan() throws Exception {
        double[] sendRms = new double[2];
        int[] pans = {64, 0};
        for (int p = 0; p < pans.length; p++) {
            FermataSynth synth = sine();
            float[] l = new float[SynthTesting.BLOCK];
            float[] r = new float[SynthTesting.BLOCK];
            synth.sendNow(CC, 0, 91, 127);
            synth.sendNow(CC, 0, 10, pans[p]);
            synth.send(NOTE_ON, 0, 69, 100, 0);
            double sum = 0;
            int frames = 0;
            for (int block = 0; block < 40; block++) {
                synth.render(l, r, SynthTesting.BLOCK);
                float[] send = synth.reverbSend();
                for (int i = 0; block >= 10 && i < SynthTesting.BLOCK; i++) {
                    sum += send[i] * send[i];
                    frames++;
                }
            }
            sendRms[p] = Math.sqrt(sum / frames);
        }
        assertTrue(sendRms[0] > 0, "the note feeds the reverb");
        assertEquals(0, 20 * Math.log10(sendRms[1] / sendRms[0]), 0.05, "hard left sends as much as the centre (dB)");
    }

    @Test
    void aLoopedNoteSustainsWithoutAJumpAtTheLoopSeam() throws Exception {
        float[] out = SynthTesting.render(sine(), 3 * RATE, new int[] {0, NOTE_ON, 69, 127})[0];
        int from = 1000;
        float peak = peak(out, from, out.length);
        // A sine's largest step between samples is 2 pi f / rate times its amplitude; a loop
        // wrapped one sample wrong reads the plateau after the loop end and jumps far beyond it.
        double bound = 2 * Math.PI * 440 / RATE * peak * 1.02;
        long seams = (out.length - from) * (long) TestSoundFont.SAMPLE_RATE / RATE / (TestSoundFont.LOOP_END - TestSoundFont.LOOP_START);
        assertTrue(seams > 50, "the note crosses " + seams + " loop seams");
        for (int i = from + 1; i < out.length; i++) {
            double step = Math.abs(out[i] - out[i - 1]);
            assertTrue(step <= bound, "jump of " + step + " at frame " + i + " (bound " + bound + ")");
        }
        assertTrue(peak > 0.1, "the note still sounds after 3 s: " + peak);
    }

    @Test
    void velocityAndVolumeFollowTheConcaveCurve() throws Exception {
        double full = SynthTesting.rmsDb(SynthTesting.render(sine(), 20_000, new int[] {0, NOTE_ON, 69, 127})[0], 4800, 14_000);
        double soft = SynthTesting.rmsDb(SynthTesting.render(sine(), 20_000, new int[] {0, NOTE_ON, 69, 64})[0], 4800, 14_000);
        double quiet = SynthTesting.rmsDb(SynthTesting.render(sine(), 20_000, new int[] {0, CC, 7, 64},
                new int[] {0, NOTE_ON, 69, 127})[0], 4800, 14_000);
        double loud = SynthTesting.rmsDb(SynthTesting.render(sine(), 20_000, new int[] {0, CC, 7, 127},
                new int[] {0, NOTE_ON, 69, 127})[0], 4800, 14_000);
        double expected = 40 * Math.log10(64 / 127.0);
        assertEquals(expected, soft - full, 0.05, "velocity 64 against 127");
        assertEquals(expected, quiet - loud, 0.05, "CC7 64 against 127");
        assertEquals(40 * Math.log10(100 / 127.0), full - loud, 0.05, "CC7's default of 100");
    }

    @Test
    void velocityMovesTheLevelNotTheCutoffAndANegativeAttenuationBoosts() throws Exception {
        FermataSynth synth = FermataSynth.open(RATE, SynthTesting.BLOCK, Optional.of(testBank));
        synth.loadInstruments(Set.of(0, 1, 2), false);
        double[] dark = new double[2];
        int[] velocities = {127, 64};
        for (int v = 0; v < 2; v++) {
            dark[v] = SynthTesting.rmsDb(SynthTesting.render(synth, 20_000, new int[] {0, PROGRAM, 1, 0},
                    new int[] {0, NOTE_ON, 69, velocities[v]}, new int[] {18_000, NOTE_OFF, 69, 0})[0], 4800, 12_000);
        }
        // As FluidSynth 2 and Gervill: no velocity-to-cutoff modulator, so a filtered note only gets quieter.
        assertEquals(40 * Math.log10(64 / 127.0), dark[1] - dark[0], 0.05, "velocity 64 against 127 through the filter");
        double plain = SynthTesting.rmsDb(SynthTesting.render(synth, 20_000, new int[] {0, PROGRAM, 0, 0},
                new int[] {0, NOTE_ON, 69, 127}, new int[] {18_000, NOTE_OFF, 69, 0})[0], 4800, 12_000);
        double boosted = SynthTesting.rmsDb(SynthTesting.render(synth, 20_000, new int[] {0, PROGRAM, 2, 0},
                new int[] {0, NOTE_ON, 69, 127}, new int[] {18_000, NOTE_OFF, 69, 0})[0], 4800, 12_000);
        // -100 cB at the EMU scale of 0.4 is +4 dB, taken out of CC7's 4.15 dB at its default of 100.
        assertEquals(4.0, boosted - plain, 0.05, "a negative initial attenuation boosts");
        assertTrue(dark[0] < plain - 1 && dark[0] > plain - 6, "the 465 Hz low-pass takes a little off a 440 Hz sine: "
                + (dark[0] - plain) + " dB");
    }

    @Test
    void pitchBendShiftsByItsRpnRange() throws Exception {
        float[] up = SynthTesting.render(sine(), 80_000, new int[] {0, BEND, 0x7F, 0x7F}, new int[] {0, NOTE_ON, 69, 127})[0];
        double twoSemitones = 440 * Math.pow(2, (8191 / 8192.0) * 200 / 1200);
        assertEquals(0, cents(SynthTesting.peakNear(up, 4800, twoSemitones), twoSemitones), 0.5, "full bend, default range");
        float[] wide = SynthTesting.render(sine(), 80_000, new int[] {0, CC, 101, 0}, new int[] {0, CC, 100, 0},
                new int[] {0, CC, 6, 12}, new int[] {0, BEND, 0, 0x20}, new int[] {0, NOTE_ON, 69, 127})[0];
        double down = 440 * Math.pow(2, -1200 / 2.0 / 1200 * 1);
        assertEquals(0, cents(SynthTesting.peakNear(wide, 4800, down), down), 0.5, "half bend down over 12 semitones");
    }

    @Test
    void theDrumChannelPlaysTheKit() throws Exception {
        FermataSynth kit = FermataSynth.open(RATE, SynthTesting.BLOCK, Optional.of(testBank));
        kit.loadInstruments(Set.of(0), true);
        float[] kick = SynthTesting.render(kit, 70_000, new int[] {0, NOTE_ON | 9, 36, 127})[0];
        float[] snare = SynthTesting.render(kit, 70_000, new int[] {0, NOTE_ON | 9, 38, 127})[0];
        float[] none = SynthTesting.render(kit, 70_000, new int[] {0, NOTE_ON | 9, 60, 127})[0];
        float[] melodic = SynthTesting.render(kit, 70_000, new int[] {0, NOTE_ON, 36, 127})[0];
        assertEquals(100, SynthTesting.strongestPeak(kick, 0), 2, "key 36 is the 100 Hz drum");
        assertEquals(1000, SynthTesting.strongestPeak(snare, 0), 2, "key 38 is the 1 kHz drum");
        assertEquals(0f, peak(none, 0, none.length), "no drum on key 60");
        assertEquals(0f, peak(melodic, 0, melodic.length), "channel 1 has no melodic instrument loaded");

        TrackSynth builtIn = FermataSynth.open(RATE, SynthTesting.BLOCK, Optional.empty());
        builtIn.loadInstruments(Set.of(0), true);
        float[] gm = SynthTesting.render(builtIn, 24_000, new int[] {0, NOTE_ON | 9, 36, 127},
                new int[] {12_000, NOTE_ON | 9, 42, 127})[0];
        assertTrue(peak(gm, 0, 12_000) > 0.05 && peak(gm, 12_000, 24_000) > 0.05, "the built-in kit plays");
    }

    @Test
    void aDrumOfTheSameExclusiveClassCutsTheOtherShort() throws Exception {
        FermataSynth kit = FermataSynth.open(RATE, SynthTesting.BLOCK, Optional.of(testBank));
        kit.loadInstruments(Set.of(0), true);
        int second = 3000;
        float[] both = SynthTesting.render(kit, 12_000, new int[] {0, NOTE_ON | 9, 36, 127},
                new int[] {second, NOTE_ON | 9, 38, 127})[0];
        float[] alone = SynthTesting.render(kit, 12_000, new int[] {second, NOTE_ON | 9, 38, 127})[0];
        assertTrue(peak(both, 0, second) > 0.1, "the first drum sounds");
        // The cut fades over 5 ms (240 frames), ending on a control block: by 512 frames it is gone.
        for (int i = second + 512; i < both.length; i++) {
            assertEquals(alone[i], both[i], "only the second drum sounds, frame " + i);
        }
    }

    @Test
    void theSustainPedalHoldsReleasedNotesUntilItIsLifted() throws Exception {
        float[] out = SynthTesting.render(sine(), 40_000, new int[] {0, CC, 64, 127}, new int[] {0, NOTE_ON, 69, 127},
                new int[] {10_000, NOTE_OFF, 69, 0}, new int[] {30_000, CC, 64, 0})[0];
        assertTrue(peak(out, 20_000, 30_000) > 0.1, "held by the pedal");
        assertEquals(0f, peak(out, 30_064, 40_000), "released when the pedal comes up");
    }

    @Test
    void beyondThePoolTheOldestVoiceIsStolen() throws Exception {
        FermataSynth synth = sine();
        float[] l = new float[SynthTesting.BLOCK];
        float[] r = new float[SynthTesting.BLOCK];
        for (int n = 0; n < FermataSynth.VOICES + 40; n++) {
            synth.sendNow(NOTE_ON, n % 16, n % 128, 100);
            synth.render(l, r, SynthTesting.BLOCK);
        }
        assertEquals(FermataSynth.VOICES, synth.activeVoices());
    }

    @Test
    void playsLikeGervillInPitchAndLevel() throws Exception {
        Soundbank tim = Files.isRegularFile(TIM) ? MidiSystem.getSoundbank(TIM.toFile()) : null;
        // Presets whose filter is open and which send nothing to reverb: there the two engines
        // should agree. (Where a zone's filter is closed, Gervill's filter differs, see ADR 0041.)
        Object[][] cases = {{testBank, 0}, {null, 19}, {null, 57}, {tim, 40}, {tim, 56}, {tim, 61}};
        for (Object[] c : cases) {
            if (c[0] == null && c != cases[1] && c != cases[2]) {
                continue;
            }
            Optional<Soundbank> bank = Optional.ofNullable((Soundbank) c[0]);
            int program = (Integer) c[1];
            for (int key : new int[] {57, 69}) {
                double[] level = new double[2];
                double[] pitch = new double[2];
                double f0 = 440 * Math.pow(2, (key - 69) / 12.0);
                for (int e = 0; e < 2; e++) {
                    TrackSynth synth = e == 0 ? FermataSynth.open(RATE, SynthTesting.BLOCK, bank)
                            : GervillSynth.open(RATE, SynthTesting.BLOCK, bank);
                    synth.loadInstruments(Set.of(program), false);
                    float[] out = SynthTesting.render(synth, 72_000, new int[] {0, CC, 91, 0}, new int[] {0, CC, 93, 0},
                            new int[] {0, PROGRAM, program, 0}, new int[] {0, NOTE_ON, key, 100})[0];
                    synth.close();
                    level[e] = SynthTesting.rmsDb(out, 2400, 48_000);
                    pitch[e] = SynthTesting.peakNear(out, 2400, f0);
                }
                String what = bank.map(Soundbank::getName).orElse("built-in") + " program " + program + " key " + key;
                assertEquals(level[1], level[0], 3.0, "level in dB, " + what);
                assertEquals(0, cents(pitch[0], pitch[1]), 5.0, "pitch in cents, " + what);
            }
        }
    }

    @Test
    void renderingAllocatesNothingWithManyVoices() throws Exception {
        Soundbank bank = Files.isRegularFile(TIM) ? MidiSystem.getSoundbank(TIM.toFile()) : testBank;
        FermataSynth synth = FermataSynth.open(RATE, SynthTesting.BLOCK, Optional.of(bank));
        synth.loadInstruments(Set.of(0, 19, 48), false);
        synth.loadInstruments(Set.of(0), true);
        float[] l = new float[SynthTesting.BLOCK];
        float[] r = new float[SynthTesting.BLOCK];
        for (int ch = 0; ch < 16; ch++) {
            synth.sendNow(PROGRAM, ch, new int[] {0, 19, 48}[ch % 3], 0);
        }
        long[] bytes = new long[2];
        for (int run = 0; run < 2; run++) {
            long before = allocatedBytes();
            for (int b = 0; b < 4000; b++) {
                for (int k = 0; k < 6; k++) {
                    int ch = (b + k) % 16;
                    int key = 36 + (b * 7 + k * 11) % 60;
                    synth.send(NOTE_ON, ch, key, 60 + k * 10, (k * 83) % SynthTesting.BLOCK);
                    synth.send(NOTE_OFF, ch, 36 + ((b - 20) * 7 + k * 11) % 60, 0, (k * 97) % SynthTesting.BLOCK);
                }
                synth.send(CC, b % 16, 7, 60 + b % 60, 100);
                synth.send(BEND, b % 16, 0, 32 + b % 64, 300);
                synth.render(l, r, SynthTesting.BLOCK);
            }
            bytes[run] = allocatedBytes() - before;
        }
        assertTrue(synth.activeVoices() > 64, "many voices sound: " + synth.activeVoices());
        assertTrue(bytes[1] < 1024, bytes[1] + " bytes allocated in 4000 blocks (first run, with warm-up: " + bytes[0] + ")");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
