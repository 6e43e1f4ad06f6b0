package fermata.core.compose;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fermata.core.error.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON layout of the Boulanger-Lewandowski sets: {@code {"train": [...], "valid": [...],
 * "test": [...]}}, a split a list of pieces, a piece a list of steps, a step a list of sounding MIDI
 * pitches. The files carry no keys, so each piece's key is estimated.
 */
public final class JsonCorpus {
    private JsonCorpus() {
    }

    /**
     * @param split "train", "valid" or "test"
     * @param stepsPerBeat the set's resolution (the file does not say: JSB is 1, the others 2)
     */
    public static Corpus read(Path file, String split, int stepsPerBeat) throws BadInputException, IOException {
        RollFormat format = RollFormat.soundingPitches(stepsPerBeat);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonParseException e) {
            throw new BadInputException(file, "line " + e.getLocation().getLineNr(), "not valid JSON: " + e.getOriginalMessage(),
                    "give a data set file laid out as {\"train\": [[[60, 64], ...], ...], \"valid\": ..., \"test\": ...}", e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file, null, "not a data set: the top level is not a JSON object",
                    "give a file laid out as {\"train\": [...], \"valid\": [...], \"test\": [...]}");
        }
        JsonNode pieces = root.get(split);
        if (pieces == null || !pieces.isArray()) {
            List<String> names = new ArrayList<>();
            root.fieldNames().forEachRemaining(names::add);
            throw new BadInputException(file, null, "has no split '" + split + "'", "choose one of " + names);
        }
        List<Piece> result = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            result.add(Piece.withEstimatedKey(split + "/" + i, roll(file, split, i, pieces.get(i), format)));
        }
        return new Corpus(file.getFileName() + "#" + split, format, result);
    }

    /** Whether a file exists and has the split, without reading its pieces. */
    public static boolean hasSplit(Path file, String split) throws IOException {
        return Files.isRegularFile(file) && new ObjectMapper().readTree(file.toFile()).has(split);
    }

    private static PianoRoll roll(Path file, String split, int index, JsonNode piece, RollFormat format) throws BadInputException {
        String where = split + " piece " + index;
        if (!piece.isArray()) {
            throw new BadInputException(file, where, "a piece must be a list of steps", null);
        }
        List<List<Integer>> steps = new ArrayList<>(piece.size());
        for (int t = 0; t < piece.size(); t++) {
            JsonNode step = piece.get(t);
            if (!step.isArray()) {
                throw new BadInputException(file, where + ", step " + t, "a step must be a list of MIDI pitches", null);
            }
            List<Integer> pitches = new ArrayList<>(step.size());
            for (JsonNode p : step) {
                if (!p.isNumber() || !format.contains(p.asInt()) || p.asDouble() != p.asInt()) {
                    throw new BadInputException(file, where + ", step " + t, "pitch " + p + " is not an integer in "
                            + format.lowPitch() + ".." + format.highPitch(), "fix or drop that piece");
                }
                pitches.add(p.asInt());
            }
            steps.add(pitches);
        }
        return PianoRoll.fromSoundingSteps(steps, format);
    }
}
