package eu.complaintdesk.system;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** How the application's background schedulers (inbox, retention, digest) end with the context. */
public final class Schedulers {

  /** How long a stopping node waits for a run in progress (an e-mail, a case) to finish. */
  private static final long WAIT_SECONDS = 30;

  private Schedulers() {}

  /** Interrupts the scheduler's work and waits up to 30 s for a run in progress to end. */
  public static void stop(ExecutorService scheduler) {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
