package fermata.core.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objective metrics of MuseGAN (Dong et al. 2018) over multi-track rolls cut into bars, averaged
 * over tracks: a model's music should score like its training data.
 *
 * @param emptyBarRate EB: fraction of (bar, track) pairs with no note
 * @param usedPitchClasses UPC: distinct pitch classes per non-empty bar and track
 * @param qualifiedNoteRate QN: fraction of notes at least a 32nd note long (MuseGAN's three steps of 96 per bar);
 *     every note of a roll at most 8 steps per beat qualifies
 * @param polyphony PP: fraction of sounding steps with more than two pitches at once, per track
 * @param tonalDistance TD: mean distance between the tonal centroids (Harte et al. 2006) of two tracks in the
 *     same bar, over track pairs and bars where both sound; NaN with one track
 * @param bars bars measured
 */
public record MuseGanMetrics(double emptyBarRate, double usedPitchClasses, double qualifiedNoteRate, double polyphony,
                             double tonalDistance, int bars) {

    /**
     * @param rolls multi-track rolls of one format
     * @param stepsPerBar bar length in steps; a last partial bar is left out
     */
    public static MuseGanMetrics of(List<PianoRoll> rolls, int stepsPerBar) {
        long barTracks = 0;
        long empty = 0;
        double pitchClasses = 0;
        long notes = 0;
        long qualified = 0;
        long soundingSteps = 0;
        long polyphonicSteps = 0;
        double distance = 0;
        long pairs = 0;
        int bars = 0;
        for (PianoRoll roll : rolls) {
            RollFormat format = roll.format();
            int minSteps = Math.max(1, (int) Math.round(format.stepsPerBeat() / 8.0));
            int tracks = format.tracks();
            for (int bar = 0; (bar + 1) * stepsPerBar <= roll.steps(); bar++) {
                bars++;
                double[][] chroma = new double[tracks][12];
                boolean[] sounds = new boolean[tracks];
                for (int track = 0; track < tracks; track++) {
                    barTracks++;
                    for (int t = bar * stepsPerBar; t < (bar + 1) * stepsPerBar; t++) {
                        int count = 0;
                        for (int pitch = format.lowPitch(); pitch <= format.highPitch(); pitch++) {
                            if (!roll.isHeld(track, t, pitch)) {
                                continue;
                            }
                            count++;
                            chroma[track][pitch % 12]++;
                            // A note held over the bar line counts in this bar too, as in MuseGAN's per-bar rolls.
                            if (t == bar * stepsPerBar || roll.isOnset(track, t, pitch)) {
                                notes++;
                                if (length(roll, track, t, pitch) >= minSteps) {
                                    qualified++;
                                }
                            }
                        }
                        if (count > 0) {
                            soundingSteps++;
                            if (count > 2) {
                                polyphonicSteps++;
                            }
                        }
                    }
                    int used = 0;
                    for (double c : chroma[track]) {
                        used += c > 0 ? 1 : 0;
                    }
                    sounds[track] = used > 0;
                    if (used == 0) {
                        empty++;
                    } else {
                        pitchClasses += used;
                    }
                }
                for (int a = 0; a < tracks; a++) {
                    for (int b = a + 1; b < tracks; b++) {
                        if (sounds[a] && sounds[b]) {
                            distance += tonalDistance(chroma[a], chroma[b]);
                            pairs++;
                        }
                    }
                }
            }
        }
        long nonEmpty = barTracks - empty;
        return new MuseGanMetrics(barTracks == 0 ? Double.NaN : (double) empty / barTracks,
                nonEmpty == 0 ? Double.NaN : pitchClasses / nonEmpty,
                notes == 0 ? Double.NaN : (double) qualified / notes,
                soundingSteps == 0 ? Double.NaN : (double) polyphonicSteps / soundingSteps,
                pairs == 0 ? Double.NaN : distance / pairs, bars);
    }

    /** Steps a note starting at {@code step} lasts (until its hold ends or a new onset of the pitch). */
    private static int length(PianoRoll roll, int track, int step, int pitch) {
        int t = step + 1;
        while (t < roll.steps() && roll.isHeld(track, t, pitch) && !roll.isOnset(track, t, pitch)) {
            t++;
        }
        return t - step;
    }

    /** Euclidean distance of the 6-D tonal centroids (fifths, minor thirds, major thirds) of two chroma vectors. */
    static double tonalDistance(double[] chromaA, double[] chromaB) {
        double[] a = centroid(chromaA);
        double[] b = centroid(chromaB);
        double sum = 0;
        for (int d = 0; d < 6; d++) {
            sum += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return Math.sqrt(sum);
    }

    static double[] centroid(double[] chroma) {
        double total = 0;
        for (double c : chroma) {
            total += c;
        }
        double[] result = new double[6];
        if (total == 0) {
            return result;
        }
        double[] radius = {1, 1, 0.5};
        double[] angle = {7 * Math.PI / 6, 3 * Math.PI / 2, 2 * Math.PI / 3};
        for (int l = 0; l < 12; l++) {
            double w = chroma[l] / total;
            for (int k = 0; k < 3; k++) {
                result[2 * k] += w * radius[k] * Math.sin(l * angle[k]);
                result[2 * k + 1] += w * radius[k] * Math.cos(l * angle[k]);
            }
        }
        return result;
    }

    /** The metrics by their MuseGAN names, for JSON and model cards. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("empty_bar_rate", emptyBarRate);
        map.put("used_pitch_classes", usedPitchClasses);
        map.put("qualified_note_rate", qualifiedNoteRate);
        map.put("polyphony", polyphony);
        map.put("tonal_distance", tonalDistance);
        return map;
    }
}
