package eu.complaintdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (npm, {@code package.json}) run in the browser on the page it shows, with the rules of
 * WCAG 2.0, 2.1 and 2.2 levels A and AA. Without {@code node_modules/axe-core} ({@code npm ci} not
 * run) the test is skipped on a developer's machine and fails in CI ({@code CI=true}), where {@code
 * .ci/run} installs it.
 */
public final class Axe {

  public static final Path SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");

  /** The rule sets of WCAG 2.2 level AA (axe's tags). */
  public static final List<String> WCAG_22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String RUN =
      """
      const tags = arguments[0];
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
        .then(results => done(JSON.stringify(results.violations.map(v => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map(n => n.target.join(' '))
        })))))
        .catch(error => done(JSON.stringify([{id: 'axe-failed', impact: 'critical',
          help: String(error), targets: []}])));
      """;

  private static String script;

  private Axe() {}

  /** One rule broken on the page: its id, how bad, what it asks, and where (CSS selectors). */
  public record Violation(String id, String impact, String help, List<String> targets) {

    @Override
    public String toString() {
      return id + " (" + impact + "): " + help + " at " + String.join(", ", targets);
    }
  }

  /** axe-core's script; skips the test locally when npm has not installed it, fails in CI. */
  public static synchronized String script() {
    if (script == null) {
      boolean installed = Files.isReadable(SCRIPT);
      String missing = SCRIPT + " is missing: run npm ci";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        assertThat(installed).as(missing).isTrue();
      }
      assumeTrue(installed, missing);
      try {
        script = Files.readString(SCRIPT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return script;
  }

  /** The WCAG 2.2 A and AA violations on the page the browser shows now. */
  public static List<Violation> violations(WebDriver browser) {
    String axe = script();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    // Injected by the driver, as the page's own Content-Security-Policy forbids every script.
    if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
      js.executeScript(axe);
    }
    String found = (String) js.executeAsyncScript(RUN, WCAG_22_AA);
    try {
      return JSON.readValue(found, new TypeReference<List<Violation>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Violations one per line, for a failure message. */
  public static String describe(List<Violation> violations) {
    return violations.stream()
        .map(Violation::toString)
        .collect(Collectors.joining("\n  ", "  ", ""));
  }
}
