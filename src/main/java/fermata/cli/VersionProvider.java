package fermata.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = FermataCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Fermata Studio " + (v == null ? "development" : v)};
    }
}
