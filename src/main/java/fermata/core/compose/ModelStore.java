package fermata.core.compose;

import fermata.core.error.BadInputException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The user's composition models: {@code <user data>/models/<name>.zip}. The user-data folder
 * (FERMATA_HOME or the platform's app-data folder) is resolved by the caller.
 */
public final class ModelStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Path folder;

    public ModelStore(Path userData) {
        this.folder = userData.resolve("models");
    }

    /** A stored model's name and card; {@code card} is null and {@code problem} says why when the file is unreadable. */
    public record Entry(String name, Path file, ModelCard card, String problem) {
    }

    public Path folder() {
        return folder;
    }

    public Path fileOf(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a model name is 1..64 letters, digits, '.', '_' or '-', starting with a letter or digit: " + name);
        }
        return folder.resolve(name + ".zip");
    }

    public boolean contains(String name) {
        return Files.isRegularFile(fileOf(name));
    }

    /** Saves a model under a name, replacing one of that name only when {@code replace}. */
    public Path save(String name, CompositionModel model, boolean replace) throws IOException {
        Path file = fileOf(name);
        if (!replace && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a model of that name exists");
        }
        ModelFile.write(model, file);
        return file;
    }

    public TcnModel load(String name) throws BadInputException, IOException {
        return ModelFile.read(fileOf(name));
    }

    /** A stored model of either kind. */
    public CompositionModel loadAny(String name) throws BadInputException, IOException {
        return ModelFile.load(fileOf(name));
    }

    /** All stored models by name; a damaged file is listed with its problem instead of failing the listing. */
    public List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList()) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - ".zip".length());
                try {
                    entries.add(new Entry(name, file, ModelFile.readCard(file), null));
                } catch (BadInputException e) {
                    entries.add(new Entry(name, file, null, e.getMessage()));
                }
            }
        }
        return entries;
    }

    public void delete(String name) throws IOException {
        Files.deleteIfExists(fileOf(name));
    }
}
