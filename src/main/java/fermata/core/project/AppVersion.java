package fermata.core.project;

/** Fermata's version, from the jar manifest; "development" when run from compiled classes. */
public final class AppVersion {
    private AppVersion() {
    }

    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
