package fermata.core.compose;

import java.util.ArrayList;
import java.util.List;

/** Small synthetic corpora and models for fast tests. */
final class ToyData {
    /** One track, eight pitches from middle C, quarter-note steps, no onsets. */
    static final RollFormat FORMAT = new RollFormat(1, 60, 8, 1, false);
    static final TcnArchitecture TINY = new TcnArchitecture(16, 2, 2, 0, false);

    private ToyData() {
    }

    /** Pieces that walk up C-D-E-F-G and repeat, each starting at a different phase. */
    static Corpus periodic(int pieces, int steps) {
        int[] cycle = {60, 62, 64, 65, 67};
        List<Piece> result = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            List<List<Integer>> rows = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                rows.add(List.of(cycle[(t + i) % cycle.length]));
            }
            result.add(new Piece("toy-" + i, PianoRoll.fromSoundingSteps(rows, FORMAT), MusicalKey.C_MAJOR));
        }
        return new Corpus("toy", FORMAT, result);
    }

    static TcnTrainer.Options options(int epochs) {
        return TcnTrainer.Options.defaults().withArchitecture(TINY).withEpochs(epochs).withBatchSize(4).withLearningRate(0.02).withSeed(7);
    }
}
