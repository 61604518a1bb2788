package eu.complaintdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout the README's "Code layout" describes, checked on the compiled main code: features do
 * not depend on each other in a circle, only {@code engine/} reaches into the engine's internal
 * packages, and every problem+json answer is built in {@code problem/}.
 */
class LayoutTest {

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?eu\\.complaintdesk\\.([a-z]+)\\.", Pattern.MULTILINE);

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

  /**
   * The same on the sources' imports: the compiler inlines constants, so a package that only reads
   * another's constants leaves no trace in the class files.
   */
  @Test
  void importsHaveNoCycles() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    Path root = Path.of("src/main/java/eu/complaintdesk");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() < 2) {
          continue;
        }
        String from = relative.getName(0).toString();
        Matcher imported = IMPORT.matcher(Files.readString(file));
        while (imported.find()) {
          if (!imported.group(1).equals(from)) {
            uses.computeIfAbsent(from, k -> new TreeSet<>()).add(imported.group(1));
          }
        }
      }
    }
    assertThat(uses).as("the packages' imports were read").containsKeys("engine", "register");
    for (String start : uses.keySet()) {
      assertThat(pathBack(uses, start, start, new ArrayList<>(), new HashSet<>()))
          .as("a circle of imports through %s", start)
          .isEmpty();
    }
  }

  /** A path of imports from {@code at} back to {@code start}, or an empty list. */
  private static List<String> pathBack(
      Map<String, Set<String>> uses, String start, String at, List<String> path, Set<String> seen) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      List<String> longer = new ArrayList<>(path);
      longer.add(next);
      if (next.equals(start)) {
        return longer;
      }
      if (seen.add(next)) {
        List<String> found = pathBack(uses, start, next, longer, seen);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return List.of();
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
  void theRulesReadTheMainCodeAndNoTests() {
    Set<String> packages = new TreeSet<>();
    main.forEach(javaClass -> packages.add(javaClass.getPackageName()));
    assertThat(packages).contains("eu.complaintdesk.engine", "eu.complaintdesk.register");
    assertThat(main.stream().map(javaClass -> javaClass.getSimpleName()))
        .noneMatch(name -> name.endsWith("Test") || name.endsWith("IT"));
  }
}
