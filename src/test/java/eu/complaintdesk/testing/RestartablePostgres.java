package eu.complaintdesk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL (real binaries, no Docker) that a test may stop and start again: the same
 * port and the same data directory, which stopping keeps ({@code setCleanDataDirectory(false)}), so
 * that clients reconnect to the same database with everything committed before the stop. The
 * directory is removed by {@link #close()}.
 */
public final class RestartablePostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres running;

  public RestartablePostgres() {
    try {
      dataDirectory = Files.createTempDirectory("complaint-desk-restartable-postgres");
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  /** Starts the server on its port and data directory (creating the cluster the first time). */
  public synchronized void start() {
    if (running != null) {
      return;
    }
    try {
      running =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: open connections are cut), keeping its data. */
  public synchronized void stop() {
    if (running == null) {
      return;
    }
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not stop", e);
    } finally {
      running = null;
    }
  }

  public synchronized boolean isRunning() {
    return running != null;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the system cleans it up eventually
    }
  }
}
