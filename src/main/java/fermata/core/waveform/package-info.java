/**
 * The services behind the waveform editor that need the audio itself rather than the project
 * alone: importing files as clips with their peak summaries, snapping to zero crossings,
 * normalizing (measure, then an undoable gain edit), exporting a range to WAV, the spectrogram,
 * recording from an input line. They read edited audio through
 * {@link fermata.core.engine.AudioTrackReader}, so they see what plays.
 */
package fermata.core.waveform;
