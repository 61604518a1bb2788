package eu.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A production start without its database URL names the setting instead of a stack trace. */
class DatabaseUrlCheckTest {

  @Test
  void aMissingDatabaseUrlIsNamed() {
    StandardEnvironment environment = environment("${COMPLAINTS_DB_URL_NOT_SET_IN_THIS_TEST}");
    assertThatThrownBy(
            () ->
                new DatabaseUrlCheck().postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(MissingSetting.class)
        .hasMessageContaining("COMPLAINTS_DB_URL");
    assertThatThrownBy(
            () ->
                new DatabaseUrlCheck()
                    .postProcessEnvironment(environment("localhost:5432"), new SpringApplication()))
        .isInstanceOf(MissingSetting.class);
  }

  @Test
  void aJdbcUrlPasses() {
    assertThatCode(
            () ->
                new DatabaseUrlCheck()
                    .postProcessEnvironment(
                        environment("jdbc:postgresql://db:5432/complaints"),
                        new SpringApplication()))
        .doesNotThrowAnyException();
  }

  private static StandardEnvironment environment(String url) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", url)));
    return environment;
  }
}
