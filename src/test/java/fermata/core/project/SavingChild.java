package fermata.core.project;

import fermata.core.model.Project;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link AtomicSaveKillTest}: saves two versions of a project in turn,
 * as fast as it can, until it is killed. Prints "saved" once two saves are done, so that both the
 * file and its backup exist from then on.
 */
public final class SavingChild {
    private SavingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Project[] versions = AtomicSaveKillTest.versions();
        for (long i = 0; ; i++) {
            ProjectFiles.write(versions[(int) (i % versions.length)], file);
            if (i == 1) {
                System.out.println("saved");
                System.out.flush();
            }
        }
    }
}
