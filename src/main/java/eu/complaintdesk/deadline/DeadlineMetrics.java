package eu.complaintdesk.deadline;

import eu.complaintdesk.system.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Prometheus {@code complaints_deadline_breaches_total{deadline}}: deadlines passed, counted when
 * the escalation commits — {@code case} when a case passes its response deadline unanswered
 * (managers are told), {@code draft} when a draft answer is overdue (supervisors are told; once per
 * deadline).
 */
@Component
class DeadlineMetrics {

  static final String BREACHES = "complaints.deadline.breaches";

  private final Counter caseBreaches;
  private final Counter draftBreaches;

  DeadlineMetrics(MeterRegistry meters) {
    caseBreaches = breaches(meters, "case");
    draftBreaches = breaches(meters, "draft");
  }

  void casePassed() {
    AfterCommit.run(caseBreaches::increment);
  }

  void draftPassed() {
    AfterCommit.run(draftBreaches::increment);
  }

  private static Counter breaches(MeterRegistry meters, String deadline) {
    return Counter.builder(BREACHES)
        .description("Deadlines passed: the case's response deadline, or a draft's")
        .tag("deadline", deadline)
        .register(meters);
  }
}
