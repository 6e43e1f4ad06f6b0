package fermata.cli;

import fermata.core.project.AppVersion;
import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Fermata Studio " + AppVersion.current()};
    }
}
