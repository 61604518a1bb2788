package eu.complaintdesk.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up time and resident memory of the default run (embedded H2, demo users): the packaged jar
 * ({@code java -jar}, as the README runs it; the classes on this class path if it is not built) in
 * a JVM of its own on a fresh database, timed from launch until {@code /actuator/health} is UP;
 * then its VmRSS.
 */
final class StartupProbe {

  record Result(double seconds, double residentMegabytes, String command) {}

  /**
   * The JVM options the README gives for the default run: those of {@code mvn spring-boot:run}
   * ({@code jvmArguments} of the spring-boot-maven-plugin in {@code pom.xml}), so that the probe
   * measures what an operator starts.
   */
  static List<String> defaultRunOptions() throws IOException {
    Matcher m =
        Pattern.compile("<jvmArguments>([^<]*)</jvmArguments>")
            .matcher(Files.readString(Path.of("pom.xml")));
    if (!m.find() || m.group(1).isBlank()) {
      return List.of();
    }
    return List.of(m.group(1).trim().split("\\s+"));
  }

  private final Path workDir;

  StartupProbe(Path workDir) {
    this.workDir = workDir;
  }

  Result run(List<String> jvmOptions) throws IOException, InterruptedException {
    deleteRecursively(workDir);
    Files.createDirectories(workDir);
    int port = BenchApplication.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    Path jar = packagedJar();
    if (jar != null) {
      command.addAll(List.of("-jar", jar.toString()));
    } else {
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              "eu.complaintdesk.ComplaintDeskApplication"));
    }
    command.add("--server.port=" + port);
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("startup.log").toFile())
            .start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      URI health = URI.create("http://localhost:" + port + "/actuator/health");
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the default run ended during start-up; see " + workDir.resolve("startup.log"));
        }
        if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
          throw new IllegalStateException("the default run was not UP within 5 minutes");
        }
        try {
          HttpResponse<String> answer =
              http.send(
                  HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(
          seconds, residentKilobytes(process.pid()) / 1024.0, String.join(" ", shown(command)));
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static List<String> shown(List<String> command) {
    return command.stream()
        .map(part -> part.length() > 120 ? "<class path>" : part)
        .map(part -> part.contains(File.separator + "bin" + File.separator) ? "java" : part)
        .toList();
  }

  private static Path packagedJar() throws IOException {
    Path target = Path.of("target");
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("complaint-desk-.*\\.jar"))
          .findFirst()
          .map(Path::toAbsolutePath)
          .orElse(null);
    }
  }

  private static long residentKilobytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
