package studio.rondo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules the README's "How it is built" describes, checked on the compiled classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("studio.rondo");
    }

    /** The rule holds on the main classes; else the test fails with ArchUnit's report of every violation. */
    private static void holds(com.tngtech.archunit.lang.ArchRule rule) {
        com.tngtech.archunit.lang.EvaluationResult result = rule.evaluate(classes);
        org.junit.jupiter.api.Assertions.assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }

    @Test
    void coreNeverImportsJavaFx() {
        holds(noClasses().that().resideInAnyPackage("studio.rondo.music..", "studio.rondo.midi..", "studio.rondo.dataset..",
                        "studio.rondo.engine..", "studio.rondo.sound..", "studio.rondo.cli..", "studio.rondo.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.."));
    }

    @Test
    void uiUsesTheEngineServicesNotItsInternals() {
        holds(noClasses().that().resideInAPackage("studio.rondo.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("studio.rondo.engine.lstm..", "studio.rondo.engine.encoding..",
                        "org.deeplearning4j..", "org.nd4j.."));
    }

    @Test
    void facesReachTheEngineThroughItsContextNotItsStatics() {
        holds(noClasses().that().resideInAPackage("studio.rondo.ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("studio.rondo.engine.EngineRuntime"));
    }

    @Test
    void commandsAndViewModelsLeaveWindowCuttingAndEvaluationToTheEngine() {
        holds(noClasses().that().resideInAnyPackage("studio.rondo.ui..", "studio.rondo.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("studio.rondo.engine.encoding.Window")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("studio.rondo.engine.eval.WindowEvaluator")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("studio.rondo.engine.train.Trainer"));
    }

    @Test
    void presetsAreKnownOnlyThroughTheRegistry() {
        // Adding a preset is a folder and a registry line: nothing else names a preset's class.
        holds(noClasses().that().resideOutsideOfPackages("studio.rondo.engine.preset..")
                .should().dependOnClassesThat().resideInAPackage("studio.rondo.engine.preset.*.."));
    }

    @Test
    void workspacesRunLongWorkThroughOneBackgroundTask() {
        holds(noClasses().that().resideInAPackage("studio.rondo.ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.concurrent.Task"));
    }

    @Test
    void packagesHaveNoCycles() {
        holds(slices().matching("studio.rondo.(**)").should().beFreeOfCycles());
    }
}
