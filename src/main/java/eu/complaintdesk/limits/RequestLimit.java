package eu.complaintdesk.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;

/**
 * One limit, as a token bucket per key (a client address, a registration number) in this node's
 * memory: {@code capacity} requests at once, then one more each {@code period / capacity}
 * (Bucket4j, greedy refill), so a client who stops is back to the full allowance after one {@code
 * period}. Buckets nobody used for a {@code period} are full again and are dropped; at most {@value
 * #MAX_KEYS} are kept, so a flood of new keys costs bounded memory (the oldest are forgotten
 * first).
 */
public final class RequestLimit {

  static final long MAX_KEYS = 100_000;

  private final String name;
  private final int capacity;
  private final Duration period;
  private final Cache<String, Bucket> buckets;

  public RequestLimit(String name, int capacity, Duration period) {
    this.name = name;
    this.capacity = capacity;
    this.period = period;
    this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(MAX_KEYS).build();
  }

  /** What the limit is about, for the client's message: "submissions". */
  public String name() {
    return name;
  }

  /** Takes one request from the key's allowance; empty if allowed, else how long to wait. */
  public Optional<Duration> take(String key) {
    var probe = bucket(key).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(seconds(probe.getNanosToWaitForRefill()));
  }

  /**
   * Gives back one request {@link #take taken} for a call that turned out not to count (never more
   * than the capacity). Taking first and giving back afterwards keeps a burst of calls from
   * overtaking the count: an answer may reach the client before the server has finished with it.
   */
  public void refund(String key) {
    bucket(key).addTokens(1);
  }

  private Bucket bucket(String key) {
    return buckets.get(
        key,
        k ->
            Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
  }

  /** At least one second: Retry-After counts whole seconds. */
  private static Duration seconds(long nanos) {
    return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }
}
