package fermata.core.midi;

import java.io.ByteArrayOutputStream;

/** Builds Standard MIDI File bytes by hand for tests, so each byte under test is visible in the test. */
final class Smf {
    private Smf() {
    }

    /** A header chunk followed by the given chunks. */
    static byte[] file(int format, int division, byte[]... chunks) {
        return fileDeclaring(format, chunks.length, division, chunks);
    }

    static byte[] fileDeclaring(int format, int declaredTracks, int division, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6,
            0, (byte) format, (byte) (declaredTracks >> 8), (byte) declaredTracks, (byte) (division >> 8), (byte) division});
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    /** An MTrk chunk around raw event bytes, deltas and the end-of-track event included. */
    static byte[] track(int... eventBytes) {
        return chunk("MTrk", eventBytes);
    }

    static byte[] chunk(String id, int... body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int n = body.length;
        out.writeBytes(new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n});
        for (int b : body) {
            out.write(b);
        }
        return out.toByteArray();
    }
}
