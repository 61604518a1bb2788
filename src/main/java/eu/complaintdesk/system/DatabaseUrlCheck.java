package eu.complaintdesk.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Without {@code COMPLAINTS_DB_URL} the {@code postgres} profile's {@code spring.datasource.url}
 * stays the text {@code ${COMPLAINTS_DB_URL}}, and the pool failed the start with a hundred lines
 * ending in "'url' must start with jdbc". This says which setting is missing, in the one line of
 * {@code MissingSettingAnalyzer}, before anything is built. Registered in {@code
 * META-INF/spring.factories}.
 */
public class DatabaseUrlCheck implements EnvironmentPostProcessor {

  static final String PROBLEM =
      "spring.datasource.url (environment COMPLAINTS_DB_URL) is not set to a JDBC URL, such as"
          + " jdbc:postgresql://localhost:5432/complaints";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String url;
    try {
      url = environment.getProperty("spring.datasource.url");
    } catch (IllegalArgumentException unresolvable) {
      throw new MissingSetting(PROBLEM);
    }
    if (url != null && !url.strip().startsWith("jdbc:")) {
      throw new MissingSetting(PROBLEM);
    }
  }
}
