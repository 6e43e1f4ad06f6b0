package fermata.core.edit;

import fermata.core.model.Project;

/**
 * One undoable change: a pure function from one project value to the next. Everything that
 * changes a project, the user's gestures as much as AI generation, automix or denoise, does so
 * through a command executed on a {@link History}, so undo covers all of it.
 * Commands throw {@link IllegalArgumentException} when they do not fit the project (a note that is
 * not there, a pitch out of range); the project is then left as it was.
 */
public sealed interface EditCommand permits AddNotes, RemoveNotes, MoveNotes, ResizeNotes, SetVelocity,
        TransposeNotes, QuantizeNotes, AddMidiClip, RemoveMidiClip, AddTrack, RemoveTrack, RenameTrack, MoveTrack,
        SetInstrument, SetMixer, SetTempo, RemoveTempo, SetTimeSignature, RemoveTimeSignature, SetKeySignature,
        AddAudioClip, RemoveAudioClip, MoveAudioClip, TrimAudioClip, CompoundEdit,
        LegatoNotes, HumanizeNotes, ReplaceNotes,
        DeleteAudioRange, SilenceAudioRange, TrimAudioToRange, SplitAudioClips, InsertAudioSilence, PasteAudio,
        FadeAudioRange, CrossfadeAudioClips, ChangeAudioGain, ReverseAudioRange, SetClipFades, AddMarker,
        ChangeMarker, RemoveMarker {

    Project apply(Project project);

    /** What the Edit menu shows after "Undo" and "Redo". */
    String label();
}
