package eu.complaintdesk.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * Deploys the models as a process owner does from Camunda Modeler: the process together with its
 * decisions and forms, in one new deployment, some of them changed.
 */
final class ModelerDeployment {

  private ModelerDeployment() {}

  /** Deploys every file of bpmn/, dmn/ and forms/, each changed as {@code changes} says. */
  static String deploy(
      RepositoryService repository, String name, Map<String, UnaryOperator<String>> changes) {
    DeploymentBuilder deployment = repository.createDeployment().name(name);
    for (String folder : List.of("bpmn", "dmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.sorted().toList()) {
          String fileName = file.getFileName().toString();
          String text = Files.readString(file, StandardCharsets.UTF_8);
          String changed = changes.getOrDefault(fileName, UnaryOperator.identity()).apply(text);
          deployment.addString(fileName, changed);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!changes.keySet().stream()
        .allMatch(
            f ->
                Stream.of("bpmn", "dmn", "forms")
                    .anyMatch(folder -> Files.exists(Path.of(folder, f))))) {
      throw new AssertionError("no such model file among " + changes.keySet());
    }
    return deployment.deploy().getId();
  }

  /** The text with {@code from} replaced by {@code to}, failing when {@code from} is not there. */
  static UnaryOperator<String> replace(String from, String to) {
    return text -> {
      if (!text.contains(from)) {
        throw new AssertionError("the model has no " + from);
      }
      return text.replace(from, to);
    };
  }
}
