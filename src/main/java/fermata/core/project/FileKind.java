package fermata.core.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a file the user hands us is, judged by its first bytes and, failing that, its extension. */
public enum FileKind {
    MIDI, AUDIO, PROJECT, UNKNOWN;

    /** Reads at most 16 bytes of the file. */
    public static FileKind of(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        FileKind byContent = fromHeader(head, n);
        return byContent != UNKNOWN ? byContent : fromExtension(file);
    }

    static FileKind fromHeader(byte[] h, int n) {
        if (starts(h, n, "MThd")) {
            return MIDI;
        }
        if ((starts(h, n, "RIFF") || starts(h, n, "RIFX") || starts(h, n, "RF64")) && n >= 12 && at(h, 8, "WAVE")) {
            return AUDIO;
        }
        if (starts(h, n, "FORM") && n >= 12 && (at(h, 8, "AIFF") || at(h, 8, "AIFC"))) {
            return AUDIO;
        }
        if (starts(h, n, "fLaC") || starts(h, n, "OggS") || starts(h, n, "ID3")) {
            return AUDIO;
        }
        if (n >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0) {
            return AUDIO;
        }
        return UNKNOWN;
    }

    /** The kind a file name promises, for outputs that do not exist yet. */
    public static FileKind fromName(Path file) {
        return fromExtension(file);
    }

    static FileKind fromExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".fermata")) {
            return PROJECT;
        }
        if (name.endsWith(".mid") || name.endsWith(".midi") || name.endsWith(".smf")) {
            return MIDI;
        }
        for (String ext : new String[] {".wav", ".wave", ".aif", ".aiff", ".aifc", ".flac", ".mp3", ".ogg", ".oga", ".m4a"}) {
            if (name.endsWith(ext)) {
                return AUDIO;
            }
        }
        return UNKNOWN;
    }

    private static boolean starts(byte[] h, int n, String magic) {
        return n >= magic.length() && at(h, 0, magic);
    }

    private static boolean at(byte[] h, int offset, String magic) {
        for (int i = 0; i < magic.length(); i++) {
            if (h[offset + i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
