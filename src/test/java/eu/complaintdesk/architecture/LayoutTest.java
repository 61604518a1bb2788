package eu.complaintdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout the README's "Code layout" describes, checked on the compiled main code: features do
 * not depend on each other in a circle, only {@code engine/} reaches into the engine's internal
 * packages, and every problem+json answer is built in {@code problem/}.
 */
class LayoutTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMainCode() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.complaintdesk");
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("eu.complaintdesk.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void onlyEngineUsesTheEnginesInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackage("eu.complaintdesk.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("engine/ is the one place that knows Camunda's internal classes")
        .check(main);
  }

  @Test
  void problemAnswersAreBuiltInProblem() {
    noClasses()
        .that()
        .resideOutsideOfPackage("eu.complaintdesk.problem..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.http.ProblemDetail")
        .because("problem/ writes every application/problem+json answer")
        .check(main);
  }

  @Test
  void mainCodeIsFound() {
    classes()
        .that()
        .resideInAPackage("eu.complaintdesk.engine..")
        .should()
        .haveSimpleNameNotEndingWith("Test")
        .check(main);
  }
}
