package eu.complaintdesk.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each test, waits until no job of the shared engine is due
 * ({@code @ExtendWith(IdleJobExecutor.class)} on an integration test): the test's asynchronous
 * steps (acknowledgements, send steps) finish before the next test class counts mails or jobs.
 */
public final class IdleJobExecutor implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    ManagementService management =
        SpringExtension.getApplicationContext(context).getBean(ManagementService.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> management.createJobQuery().executable().count() == 0);
  }
}
