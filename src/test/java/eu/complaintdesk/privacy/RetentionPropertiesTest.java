package eu.complaintdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

class RetentionPropertiesTest {

  @Test
  void shippedConfigurationKeepsPersonalDataAndDocumentsThreeYearsAndRunsAtHalfPastTwo() {
    RetentionProperties shipped = shipped();

    assertThat(shipped.personalData()).isEqualTo(Period.ofYears(3));
    assertThat(shipped.documents()).isEqualTo(Period.ofYears(3));
    assertThat(shipped.runAt()).isEqualTo(LocalTime.of(2, 30));
    assertThat(shipped.chunkSize()).isEqualTo(50);
    assertThat(shipped.enabled()).isTrue();
  }

  @Test
  void missingSettingsFallBackToTheDefaultsAndDocumentsFollowPersonalData() {
    RetentionProperties bound = bind(Map.of("complaints.retention.personal-data", "P2Y"));

    assertThat(bound.personalData()).isEqualTo(Period.ofYears(2));
    assertThat(bound.documents()).isEqualTo(Period.ofYears(2));
    assertThat(bound.runAt()).isEqualTo(RetentionProperties.DEFAULT_RUN_AT);
    assertThat(bound.chunkSize()).isEqualTo(RetentionProperties.DEFAULT_CHUNK_SIZE);
    assertThat(bind(Map.of()).personalData()).isEqualTo(Period.ofYears(3));
  }

  @Test
  void documentsMayBeKeptShorterThanPersonalData() {
    RetentionProperties bound =
        bind(
            Map.of(
                "complaints.retention.personal-data", "P3Y",
                "complaints.retention.documents", "P1Y"));

    assertThat(bound.documents()).isEqualTo(Period.ofYears(1));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "personal-data, P3X, personal-data",
    "personal-data, P-1Y, personal-data",
    "personal-data, P0D, personal-data",
    "personal-data, P10D, personal-data",
    "documents, P4Y, documents",
    "documents, P1D, documents",
    "run-at, 25:00, run-at",
    "run-at, midnight, run-at",
    "chunk-size, 0, chunk-size",
    "chunk-size, 100000, chunk-size",
    "chunk-size, many, chunk-size",
    "enabled, perhaps, enabled"
  })
  void badValueStopsTheStartWithThePropertyNamed(String property, String value, String named) {
    Map<String, String> settings = Map.of("complaints.retention." + property, value);

    assertThatThrownBy(() -> bind(settings))
        .isInstanceOf(BindException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage() + " " + rootMessage(e))
                    .contains("complaints.retention." + named));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static RetentionProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("complaints.retention", RetentionProperties.class);
  }

  private static RetentionProperties shipped() {
    try {
      var sources =
          new YamlPropertySourceLoader()
              .load("application.yaml", new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(sources))
          .bindOrCreate("complaints.retention", RetentionProperties.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
