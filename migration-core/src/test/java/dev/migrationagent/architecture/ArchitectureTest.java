package dev.migrationagent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN.md, made executable. */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.migrationagent");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.migrationagent.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void apiIsALeafThatUsesOnlyTheJdk() {
        noClasses().that().resideInAPackage("dev.migrationagent.api..").should().dependOnClassesThat()
                .resideOutsideOfPackages("dev.migrationagent.api..", "java..").check(core);
    }

    @Test
    void shadowAndTracerKnowNothingOfTheAnalysis() {
        noClasses().that().resideInAnyPackage("dev.migrationagent.shadow..", "dev.migrationagent.trace..").should()
                .dependOnClassesThat().resideInAnyPackage("dev.migrationagent.analyze..",
                        "dev.migrationagent.corpus..", "dev.migrationagent.rule..")
                .check(core);
    }

    @Test
    void rulesAndTheAnalysisKnowNothingOfThePlanner() {
        // The planner is judged by the analysis; if the analysis knew the planner, it could grade its own homework.
        noClasses().that().resideInAnyPackage("dev.migrationagent.analyze..", "dev.migrationagent.rule..",
                "dev.migrationagent.trace..", "dev.migrationagent.shadow..").should().dependOnClassesThat()
                .resideInAPackage("dev.migrationagent.plan..").check(core);
    }

    @Test
    void coreHasNoMavenTypes() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.maven..").check(core);
    }

    @Test
    void onlyTheLangchain4jAdapterImportsLangchain4j() {
        noClasses().that().resideOutsideOfPackage("dev.migrationagent.advice.langchain4j..").should()
                .dependOnClassesThat().resideInAPackage("dev.langchain4j..").allowEmptyShould(true).check(core);
    }

    @Test
    void onlyTheFlywayAdaptersUseFlyway() {
        // Flyway's API changed across majors; keeping it in a few places keeps an upgrade small.
        noClasses().that().resideOutsideOfPackages("dev.migrationagent.flyway..", "dev.migrationagent.deploy..")
                .and().resideOutsideOfPackage("dev.migrationagent").should().dependOnClassesThat()
                .resideInAPackage("org.flywaydb..").check(core);
    }

    @Test
    void deployActsOnTheVerdictWithoutReachingIntoTheAnalysis() {
        noClasses().that().resideInAPackage("dev.migrationagent.deploy..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.migrationagent.rule..", "dev.migrationagent.shadow..",
                        "dev.migrationagent.trace..", "dev.migrationagent.corpus..")
                .check(core);
    }
}
