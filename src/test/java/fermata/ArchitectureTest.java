package fermata;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering rules of DESIGN.md section 1, checked on the compiled classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fermata");
    }

    @Test
    void coreUsesNoUiToolkitAndNoOuterLayer() {
        noClasses().that().resideInAPackage("fermata.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.awt..", "javax.swing..", "fermata.ui..", "fermata.cli..")
                .check(classes);
    }

    @Test
    void deepLearningOnlyInCompose() {
        noClasses().that().resideOutsideOfPackage("fermata.core.compose..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .check(classes);
    }

    @Test
    void tarsosOnlyInDspAndAnalysis() {
        noClasses().that().resideOutsideOfPackages("fermata.core.dsp..", "fermata.core.analysis..")
                .should().dependOnClassesThat().resideInAPackage("be.tarsos..")
                .check(classes);
    }

    @Test
    void uiDoesNotReachIntoCli() {
        noClasses().that().resideInAPackage("fermata.ui..")
                .should().dependOnClassesThat().resideInAPackage("fermata.cli..")
                .check(classes);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("fermata.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("fermata.(*)..").should().beFreeOfCycles().check(classes);
    }
}
