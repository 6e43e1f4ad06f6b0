package fermata.core.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import fermata.core.model.AudioClip;
import fermata.core.model.AudioTrack;
import fermata.core.model.Marker;
import fermata.core.model.ControlEvent;
import fermata.core.model.InsertSettings;
import fermata.core.model.KeySignature;
import fermata.core.model.MediaRef;
import fermata.core.model.MidiClip;
import fermata.core.model.MidiTrack;
import fermata.core.model.MixerSettings;
import fermata.core.model.Note;
import fermata.core.model.Project;
import fermata.core.model.Tempo;
import fermata.core.model.TimeSignature;
import fermata.core.model.Track;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes the current format version field by field with Jackson's streaming generator. The
 * mapping is spelt out here rather than derived from the records, so renaming a model component
 * cannot silently change the file format.
 */
final class ProjectJsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ProjectJsonWriter() {
    }

    /**
     * @param mediaPath how each media path is written (relativised to the folder the file will
     *     live in); identity when the caller has already done that
     */
    static byte[] write(Project project, UnaryOperator<String> mediaPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024 + project.noteCount() * 24);
        try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
            out.setPrettyPrinter(prettyPrinter());
            writeProject(out, project, mediaPath);
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    // '\n' on every platform, so the same project gives the same bytes everywhere (golden files, diffs).
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    private static void writeProject(JsonGenerator out, Project project, UnaryOperator<String> mediaPath)
            throws IOException {
        out.writeStartObject();
        out.writeNumberField("formatVersion", ProjectFiles.FORMAT_VERSION);
        out.writeStringField("name", project.name());
        out.writeNumberField("sampleRate", project.sampleRate());
        out.writeArrayFieldStart("tempos");
        for (Tempo t : project.tempoMap().changes()) {
            out.writeRawValue("{\"tick\": " + t.tick() + ", \"microsPerQuarter\": " + t.microsPerQuarter() + "}");
        }
        out.writeEndArray();
        out.writeArrayFieldStart("timeSignatures");
        for (TimeSignature ts : project.timeSignatures()) {
            out.writeRawValue("{\"tick\": " + ts.tick() + ", \"numerator\": " + ts.numerator()
                    + ", \"denominator\": " + ts.denominator() + "}");
        }
        out.writeEndArray();
        out.writeArrayFieldStart("keySignatures");
        for (KeySignature ks : project.keySignatures()) {
            out.writeRawValue("{\"tick\": " + ks.tick() + ", \"sharps\": " + ks.sharps()
                    + ", \"minor\": " + ks.minor() + "}");
        }
        out.writeEndArray();
        out.writeFieldName("master");
        writeMixer(out, project.master());
        out.writeArrayFieldStart("media");
        for (MediaRef m : project.media()) {
            out.writeStartObject();
            out.writeStringField("id", m.id());
            out.writeStringField("path", mediaPath.apply(m.path()));
            out.writeStringField("sha256", m.sha256());
            out.writeNumberField("frames", m.frames());
            out.writeNumberField("sampleRate", m.sampleRate());
            out.writeNumberField("channels", m.channels());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("tracks");
        for (Track track : project.tracks()) {
            writeTrack(out, track);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeTrack(JsonGenerator out, Track track) throws IOException {
        out.writeStartObject();
        if (track instanceof MidiTrack midi) {
            out.writeStringField("kind", "midi");
            out.writeStringField("id", midi.id());
            out.writeStringField("name", midi.name());
            out.writeFieldName("instrument");
            out.writeRawValue("{\"program\": " + midi.instrument().program()
                    + ", \"bankMsb\": " + midi.instrument().bankMsb()
                    + ", \"bankLsb\": " + midi.instrument().bankLsb()
                    + ", \"channel\": " + midi.instrument().channel() + "}");
            out.writeFieldName("mixer");
            writeMixer(out, midi.mixer());
            out.writeArrayFieldStart("clips");
            for (MidiClip clip : midi.clips()) {
                writeMidiClip(out, clip);
            }
            out.writeEndArray();
        } else if (track instanceof AudioTrack audio) {
            out.writeStringField("kind", "audio");
            out.writeStringField("id", audio.id());
            out.writeStringField("name", audio.name());
            out.writeFieldName("mixer");
            writeMixer(out, audio.mixer());
            out.writeArrayFieldStart("clips");
            for (AudioClip clip : audio.clips()) {
                writeAudioClip(out, clip);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("markers");
            for (Marker marker : audio.markers()) {
                out.writeStartObject();
                out.writeStringField("id", marker.id());
                out.writeStringField("name", marker.name());
                out.writeNumberField("frame", marker.frame());
                out.writeNumberField("lengthFrames", marker.lengthFrames());
                out.writeEndObject();
            }
            out.writeEndArray();
        } else {
            throw new IllegalStateException("no file mapping for track type " + track.getClass().getName());
        }
        out.writeEndObject();
    }

    // A note or event is one short line "[a, b, c]" instead of an object of named fields: a
    // 100,000-note project stays a few megabytes and parses in well under a second.
    private static void writeMidiClip(JsonGenerator out, MidiClip clip) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", clip.id());
        out.writeNumberField("startTick", clip.startTick());
        out.writeNumberField("lengthTicks", clip.lengthTicks());
        out.writeArrayFieldStart("notes");
        StringBuilder line = new StringBuilder(32);
        for (Note n : clip.notes()) {
            line.setLength(0);
            line.append('[').append(n.pitch()).append(", ").append(n.startTick()).append(", ")
                    .append(n.lengthTicks()).append(", ").append(n.velocity()).append(", ").append(n.channel())
                    .append(']');
            out.writeRawValue(line.toString());
        }
        out.writeEndArray();
        out.writeArrayFieldStart("events");
        for (ControlEvent e : clip.events()) {
            line.setLength(0);
            line.append('[').append(e.tick()).append(", ").append(e.channel()).append(", ").append(e.type())
                    .append(", ").append(e.value()).append(']');
            out.writeRawValue(line.toString());
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeAudioClip(JsonGenerator out, AudioClip clip) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", clip.id());
        out.writeStringField("mediaId", clip.mediaId());
        out.writeNumberField("positionFrame", clip.positionFrame());
        out.writeNumberField("sourceOffsetFrame", clip.sourceOffsetFrame());
        out.writeNumberField("lengthFrames", clip.lengthFrames());
        out.writeNumberField("gainDb", clip.gainDb());
        out.writeNumberField("fadeInFrames", clip.fadeInFrames());
        out.writeNumberField("fadeOutFrames", clip.fadeOutFrames());
        out.writeStringField("fadeInCurve", clip.fadeInCurve().key());
        out.writeStringField("fadeOutCurve", clip.fadeOutCurve().key());
        out.writeBooleanField("reversed", clip.reversed());
        out.writeEndObject();
    }

    private static void writeMixer(JsonGenerator out, MixerSettings mixer) throws IOException {
        out.writeStartObject();
        out.writeNumberField("gainDb", mixer.gainDb());
        out.writeNumberField("pan", mixer.pan());
        out.writeBooleanField("mute", mixer.mute());
        out.writeBooleanField("solo", mixer.solo());
        out.writeArrayFieldStart("inserts");
        for (InsertSettings insert : mixer.inserts()) {
            out.writeStartObject();
            out.writeStringField("type", insert.type());
            out.writeBooleanField("enabled", insert.enabled());
            out.writeObjectFieldStart("parameters");
            for (Map.Entry<String, Double> p : insert.parameters().entrySet()) {
                out.writeNumberField(p.getKey(), p.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
