package eu.complaintdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A pass of the retention job over due cases of which some fail every time. */
class RetentionJobTest {

  @Test
  void casesThatAlwaysFailDoNotHoldUpTheCasesAfterThemAndAreCounted() {
    // the register: due cases by id; a case done is no longer due, a failed one stays due
    TreeSet<Long> due = new TreeSet<>(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L));
    Set<Long> failing = Set.of(1L, 2L, 5L);
    List<Long> tried = new ArrayList<>();
    Counter failures = new SimpleMeterRegistry().counter(RetentionJob.FAILURES);

    RetentionJob.Pass pass =
        RetentionJob.pass(
            0,
            2,
            (after, limit) -> due.tailSet(after, false).stream().limit(limit).toList(),
            id -> {
              tried.add(id);
              if (failing.contains(id)) {
                throw new IllegalStateException("the database refused");
              }
              due.remove(id);
              return Optional.of(new Erased());
            },
            failures);

    assertThat(pass).isEqualTo(new RetentionJob.Pass(4, 3));
    assertThat(tried)
        .as("each case tried once, in order")
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(due).containsExactly(1L, 2L, 5L);
    assertThat(failures.count()).isEqualTo(3.0);
  }

  @Test
  void aPassStartsAfterTheGivenIdAndCountsOnlyCasesItChanged() {
    TreeSet<Long> due = new TreeSet<>(List.of(3L, 8L, 9L));

    RetentionJob.Pass pass =
        RetentionJob.pass(
            5,
            50,
            (after, limit) -> due.tailSet(after, false).stream().limit(limit).toList(),
            id -> {
              due.remove(id);
              // another node got there first: nothing to do
              return id == 9L ? Optional.empty() : Optional.of(new Erased());
            },
            new SimpleMeterRegistry().counter(RetentionJob.FAILURES));

    assertThat(pass).isEqualTo(new RetentionJob.Pass(1, 0));
    assertThat(due).containsExactly(3L);
  }
}
