package fermata.core.compose;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * The MuseGAN metrics of a model's music beside the same metrics of a data set, both as multi-track
 * bars of 4/4: a one-track model's output and one-track data are split into {@link #VOICES} voices.
 * Each sample is generated in the key of one data piece (in turn), from silence.
 *
 * @param data metrics of the data set's pieces
 * @param generated metrics of the generated samples
 */
public record MuseGanEvaluation(MuseGanMetrics data, MuseGanMetrics generated) {
    /** Voices one-track music is split into (soprano, alto, tenor, bass). */
    public static final int VOICES = 4;

    /**
     * @param samples pieces to generate
     * @param bars bars per generated piece
     * @param temperature sampling temperature of the generated pieces
     */
    public static MuseGanEvaluation of(CompositionModel model, Corpus corpus, int samples, int bars, double temperature, long seed,
                                       Progress progress) throws CancelledException {
        RollFormat format = model.format();
        RollFormat multi = format.tracks() > 1 ? format
                : new RollFormat(format.stepsPerBeat(), format.lowPitch(), format.pitchCount(), VOICES, false);
        int stepsPerBar = 4 * format.stepsPerBeat();
        List<PianoRoll> data = new ArrayList<>();
        for (Piece p : corpus.pieces()) {
            data.add(GanBars.toFormat(p.roll(), multi));
        }
        List<PianoRoll> generated = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            progress.checkCancelled();
            progress.update((double) i / samples, "generating sample " + (i + 1) + " of " + samples);
            MusicalKey key = corpus.pieces().isEmpty() ? MusicalKey.C_MAJOR : corpus.pieces().get(i % corpus.pieces().size()).key();
            GenerationRequest request = GenerationRequest.bars(bars).withKey(key).withSeed(seed + i).withVoices(VOICES)
                    .withTemperature(temperature);
            Generated music = model instanceof GanModel gan ? new GanGenerator(gan).generate(request)
                    : new TcnGenerator((TcnModel) model).generate(request);
            generated.add(GanBars.toFormat(music.roll(), multi));
        }
        progress.update(1, "scored " + samples + " samples");
        return new MuseGanEvaluation(MuseGanMetrics.of(data, stepsPerBar), MuseGanMetrics.of(generated, stepsPerBar));
    }
}
