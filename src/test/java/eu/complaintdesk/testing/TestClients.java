package eu.complaintdesk.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses for the limit tests, each new in this JVM: the shared test context trusts its
 * loopback as a proxy (complaints.limits.trusted-proxies), so a test names its client in {@code
 * X-Forwarded-For} and starts with that client's full allowance, whatever ran before.
 */
public final class TestClients {

  public static final String FORWARDED_FOR = "X-Forwarded-For";

  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 30_000));

  private TestClients() {}

  /** An address of the benchmarking range 198.18.0.0/15, never the same twice. */
  public static String next() {
    int n = NEXT.getAndIncrement() % (2 * 256 * 250);
    return "198." + (18 + n / (256 * 250)) + "." + (n / 250 % 256) + "." + (n % 250 + 1);
  }
}
