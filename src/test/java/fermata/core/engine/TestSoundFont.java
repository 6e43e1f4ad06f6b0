package fermata.core.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a tiny SoundFont 2 file with known contents, so tests can check the synthesizers against
 * exact answers: preset 0 "Sine" plays a looped 440 Hz sine (root key 69, 44 kHz, a loop of
 * exactly 20 periods, no envelope, filter open) whose data after the loop end is a constant
 * plateau, so a loop wrapped wrong jumps; program 1 is the same sine through a low-pass at
 * 465 Hz, program 2 with an initial attenuation of -100 cB (a boost); the drum kit (bank 128,
 * program 0) has a 100 Hz decaying burst on key 36 and a 1 kHz one on key 38, both in exclusive
 * class 1 (as an open and a closed hi-hat are).
 */
final class TestSoundFont {
    static final int SAMPLE_RATE = 44_000;
    static final int PERIOD = 100;
    static final float AMPLITUDE = 0.5f;
    static final int LOOP_START = 1000;
    static final int LOOP_END = 3000;
    /** Program 1's cutoff, 8.176 Hz * 2^(7000/1200) = 465 Hz: just above the sine's 440 Hz. */
    static final int DARK_CUTOFF_CENTS = 7000;

    private TestSoundFont() {
    }

    private record Sample(String name, short[] data, int loopStart, int loopEnd, int root) {
    }

    private record Zone(int sample, int keyLo, int keyHi, int[][] generators) {
    }

    private record Instrument(String name, List<Zone> zones) {
    }

    private record Preset(String name, int program, int bank, int instrument) {
    }

    static Path write(Path dir) throws IOException {
        short[] sine = new short[4000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (short) Math.round(AMPLITUDE * 32767 * (i < LOOP_END ? Math.sin(2 * Math.PI * i / PERIOD) : 1));
        }
        short[] low = burst(100, 9000);
        short[] high = burst(1000, 9000);
        List<Sample> samples = List.of(new Sample("sine", sine, LOOP_START, LOOP_END, 69), new Sample("low", low, 0, 0, 60),
                new Sample("high", high, 0, 0, 60));
        int[][] looped = {{54, 1}};
        List<Instrument> instruments = List.of(
                new Instrument("sine", List.of(new Zone(0, 0, 127, looped))),
                new Instrument("kit", List.of(new Zone(1, 36, 36, new int[][] {{58, 36}, {57, 1}}),
                        new Zone(2, 38, 38, new int[][] {{58, 38}, {57, 1}}))),
                new Instrument("dark", List.of(new Zone(0, 0, 127, new int[][] {{54, 1}, {8, DARK_CUTOFF_CENTS}}))),
                new Instrument("boost", List.of(new Zone(0, 0, 127, new int[][] {{54, 1}, {48, -100}}))));
        List<Preset> presets = List.of(new Preset("Sine", 0, 0, 0), new Preset("Kit", 0, 128, 1),
                new Preset("Dark", 1, 0, 2), new Preset("Boost", 2, 0, 3));
        Path file = dir.resolve("test.sf2");
        Files.write(file, build(samples, instruments, presets));
        return file;
    }

    private static short[] burst(double hz, int length) {
        short[] s = new short[length];
        for (int i = 0; i < length; i++) {
            s[i] = (short) Math.round(AMPLITUDE * 32767 * Math.exp(-i / 2000.0) * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE));
        }
        return s;
    }

    private static byte[] build(List<Sample> samples, List<Instrument> instruments, List<Preset> presets) {
        ByteArrayOutputStream smpl = new ByteArrayOutputStream();
        List<long[]> offsets = new ArrayList<>();
        long at = 0;
        for (Sample s : samples) {
            ByteBuffer b = le(2 * (s.data().length + 46));
            for (short v : s.data()) {
                b.putShort(v);
            }
            smpl.writeBytes(b.array());
            offsets.add(new long[] {at, at + s.data().length});
            at += s.data().length + 46;
        }
        ByteBuffer shdr = le(46 * (samples.size() + 1));
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            long start = offsets.get(i)[0];
            name(shdr, s.name());
            shdr.putInt((int) start).putInt((int) offsets.get(i)[1]).putInt((int) (start + s.loopStart()))
                    .putInt((int) (start + s.loopEnd())).putInt(SAMPLE_RATE).put((byte) s.root()).put((byte) 0)
                    .putShort((short) 0).putShort((short) 1);
        }
        name(shdr, "EOS");
        shdr.position(shdr.capacity());

        ByteArrayOutputStream igen = new ByteArrayOutputStream();
        ByteArrayOutputStream ibag = new ByteArrayOutputStream();
        ByteBuffer inst = le(22 * (instruments.size() + 1));
        int genCount = 0;
        int bagCount = 0;
        for (Instrument instrument : instruments) {
            name(inst, instrument.name());
            inst.putShort((short) bagCount);
            for (Zone z : instrument.zones()) {
                ibag.writeBytes(le(4).putShort((short) genCount).putShort((short) 0).array());
                bagCount++;
                igen.writeBytes(gen(43, z.keyLo() | z.keyHi() << 8));
                genCount++;
                for (int[] g : z.generators()) {
                    igen.writeBytes(gen(g[0], g[1]));
                    genCount++;
                }
                igen.writeBytes(gen(53, z.sample()));
                genCount++;
            }
        }
        name(inst, "EOI");
        inst.putShort((short) bagCount);
        ibag.writeBytes(le(4).putShort((short) genCount).putShort((short) 0).array());
        igen.writeBytes(gen(0, 0));

        ByteArrayOutputStream pgen = new ByteArrayOutputStream();
        ByteArrayOutputStream pbag = new ByteArrayOutputStream();
        ByteBuffer phdr = le(38 * (presets.size() + 1));
        for (int i = 0; i < presets.size(); i++) {
            Preset p = presets.get(i);
            name(phdr, p.name());
            phdr.putShort((short) p.program()).putShort((short) p.bank()).putShort((short) i).putInt(0).putInt(0).putInt(0);
            pbag.writeBytes(le(4).putShort((short) i).putShort((short) 0).array());
            pgen.writeBytes(gen(41, p.instrument()));
        }
        name(phdr, "EOP");
        phdr.putShort((short) 0).putShort((short) 0).putShort((short) presets.size()).putInt(0).putInt(0).putInt(0);
        pbag.writeBytes(le(4).putShort((short) presets.size()).putShort((short) 0).array());
        pgen.writeBytes(gen(0, 0));

        byte[] info = list("INFO", chunk("ifil", le(4).putShort((short) 2).putShort((short) 1).array()),
                chunk("isng", zstr("EMU8000")), chunk("INAM", zstr("Fermata test bank")));
        byte[] sdta = list("sdta", chunk("smpl", smpl.toByteArray()));
        byte[] pdta = list("pdta", chunk("phdr", phdr.array()), chunk("pbag", pbag.toByteArray()),
                chunk("pmod", new byte[10]), chunk("pgen", pgen.toByteArray()), chunk("inst", inst.array()),
                chunk("ibag", ibag.toByteArray()), chunk("imod", new byte[10]), chunk("igen", igen.toByteArray()),
                chunk("shdr", shdr.array()));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("sfbk".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(info);
        body.writeBytes(sdta);
        body.writeBytes(pdta);
        return chunk("RIFF", body.toByteArray());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] gen(int operator, int amount) {
        return le(4).putShort((short) operator).putShort((short) amount).array();
    }

    private static void name(ByteBuffer b, String name) {
        byte[] n = new byte[20];
        byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, n, 0, Math.min(19, text.length));
        b.put(n);
    }

    private static byte[] zstr(String s) {
        byte[] text = s.getBytes(StandardCharsets.US_ASCII);
        byte[] padded = new byte[(text.length + 2) & ~1];
        System.arraycopy(text, 0, padded, 0, text.length);
        return padded;
    }

    private static byte[] chunk(String id, byte[] data) {
        ByteBuffer b = le(8 + data.length + (data.length & 1));
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] list(String type, byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        return chunk("LIST", body.toByteArray());
    }
}
