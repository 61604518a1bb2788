package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Which decision inputs keep no value in history: those whose input expression reads a variable
 * kept out of history. The decision history itself, with its other inputs, is checked on the real
 * engine (ComplaintHandlingProcessTest, EngineHistoryPrivacyIT).
 */
class HistoryFilterTest {

  private static final String PROCESS = "ComplaintHandlingProcess";

  /** Keeps out {@code text} of {@value #PROCESS}, as FreeTextOutOfEngine does. */
  private final HistoryFilter filter =
      new HistoryFilter(
          new StaticListableBeanFactory(
                  Map.of(
                      "rule",
                      (KeptOutOfHistory)
                          (processKey, name) -> PROCESS.equals(processKey) && "text".equals(name)))
              .getBeanProvider(KeptOutOfHistory.class));

  @Test
  void anInputComputedFromTheCustomersTextKeepsNoValue() {
    assertThat(
            filter.readsKeptOut(
                PROCESS,
                "\" \" + replace(lower case(text), \"[^\\p{L}\\p{N}?-]+\", \" \") + \" \""))
        .isTrue();
    assertThat(filter.readsKeptOut(PROCESS, "text")).isTrue();
  }

  @Test
  void anInputOfOtherVariablesKeepsItsValue() {
    assertThat(filter.readsKeptOut(PROCESS, "recognisedWords")).isFalse();
    assertThat(filter.readsKeptOut(PROCESS, "context + textual + text2")).isFalse();
    assertThat(filter.readsKeptOut("AnotherProcess", "text")).isFalse();
  }

  @Test
  void anInputWhoseExpressionIsUnknownKeepsNoValue() {
    assertThat(filter.readsKeptOut(PROCESS, null)).isTrue();
  }
}
