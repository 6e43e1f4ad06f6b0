package fermata.core.compose;

import fermata.core.error.BadInputException;
import fermata.core.model.Project;
import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A corpus from projects: given ones, or every MIDI file of a folder read through a {@link ProjectSource}. */
public final class ProjectCorpus {
    private ProjectCorpus() {
    }

    public static Corpus fromProjects(String source, List<Project> projects, RollFormat format) {
        List<Piece> pieces = new ArrayList<>();
        for (Project p : projects) {
            PianoRoll roll = ProjectRolls.toRoll(p, format);
            pieces.add(new Piece(p.name(), roll, ProjectRolls.keyOf(p, roll)));
        }
        return new Corpus(source, format, pieces);
    }

    /**
     * Every {@code .mid}/{@code .midi} file under a folder, in path order so that a seed gives the
     * same corpus on every machine.
     *
     * @throws BadInputException on the first file the reader rejects, naming it
     */
    public static Corpus fromFolder(Path folder, ProjectSource reader, RollFormat format, Progress progress)
            throws BadInputException, IOException, CancelledException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, null, "is not a folder", "give a folder of MIDI files");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(ProjectCorpus::isMidi).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new BadInputException(folder, null, "holds no .mid or .midi files", "give a folder of MIDI files");
        }
        List<Project> projects = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            progress.checkCancelled();
            projects.add(reader.read(files.get(i)).withName(folder.relativize(files.get(i)).toString()));
            progress.update((i + 1.0) / files.size(), "read " + (i + 1) + "/" + files.size() + " MIDI files");
        }
        return fromProjects(folder.getFileName().toString(), projects, format);
    }

    private static boolean isMidi(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mid") || name.endsWith(".midi");
    }
}
