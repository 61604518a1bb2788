package eu.complaintdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Latencies of many calls of one action, and the two ways the benchmark calls it: closed (a fixed
 * number of clients, each calling again as soon as its call returns) and open (calls start at a
 * fixed rate whether or not earlier ones have returned; a call's latency counts from when it was
 * due to start, so a stalled server is not hidden by clients that wait for it).
 */
record Latencies(List<Long> nanos, long elapsedNanos) {

  /** {@code count} calls of {@code action(i)} by {@code clients} threads. */
  static Latencies closed(int clients, int count, IntConsumer action) {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  long t0 = System.nanoTime();
                  action.accept(i);
                  nanos.add(System.nanoTime() - t0);
                }
              }));
    }
    awaitAll(workers, pool);
    return new Latencies(List.copyOf(nanos), System.nanoTime() - start);
  }

  /** {@code count} calls of {@code action(i)} started at {@code perSecond}. */
  static Latencies open(int perSecond, int count, IntConsumer action) {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService pool = Executors.newCachedThreadPool();
    long intervalNanos = 1_000_000_000L / perSecond;
    long start = System.nanoTime() + 10_000_000L;
    List<Future<?>> calls = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < count; i++) {
      int index = i;
      long due = start + i * intervalNanos;
      clock.schedule(
          () ->
              calls.add(
                  pool.submit(
                      () -> {
                        action.accept(index);
                        nanos.add(System.nanoTime() - due);
                      })),
          due - System.nanoTime(),
          TimeUnit.NANOSECONDS);
    }
    clock.shutdown();
    try {
      clock.awaitTermination(1, TimeUnit.HOURS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    awaitAll(new ArrayList<>(calls), pool);
    return new Latencies(List.copyOf(nanos), System.nanoTime() - start);
  }

  private static void awaitAll(List<Future<?>> futures, ExecutorService pool) {
    try {
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a measured call failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The {@code p}-th percentile (0..100) in milliseconds (nearest rank). */
  double percentileMillis(double p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
  }

  double perSecond() {
    return nanos.size() / (elapsedNanos / 1e9);
  }
}
