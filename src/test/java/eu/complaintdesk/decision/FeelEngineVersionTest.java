package eu.complaintdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.junit.jupiter.api.Test;

/**
 * The FEEL engine that evaluates our decisions is the pinned 1.19.5 (about ten times faster on
 * decision tables than the 1.19.3 that Camunda 7.24.0 brings). The DMN engine loads the {@code
 * scala-shaded} classifier of {@code org.camunda.feel:feel-engine}; a plain {@code feel-engine} jar
 * beside it would hold the same classes, and whichever came first on the class path would win.
 */
class FeelEngineVersionTest {

  private static final String FEEL_ENGINE_CLASS = "org/camunda/feel/FeelEngine.class";

  @Test
  void decisionsAreEvaluatedByTheScalaShadedFeelEngineOfVersion1195() throws IOException {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.buildEngine();
    assertThat(configuration.getFeelEngine()).isInstanceOf(ScalaFeelEngine.class);

    List<URL> jars = Collections.list(getClass().getClassLoader().getResources(FEEL_ENGINE_CLASS));
    assertThat(jars)
        .as("jars on the class path that hold the FEEL engine")
        .singleElement()
        .asString()
        .contains("feel-engine-1.19.5-scala-shaded.jar");
    assertThat(
            org.camunda.feel.FeelEngine.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString())
        .endsWith("feel-engine-1.19.5-scala-shaded.jar");
  }
}
