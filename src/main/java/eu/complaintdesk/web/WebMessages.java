package eu.complaintdesk.web;

import java.time.Duration;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The texts of the pages ({@code spring.messages.*}, as Spring Boot would set them up) through
 * {@link IcuMessageSource}, so that counts agree with their nouns (issue 14, plural rules). Named
 * {@code messageSource}: Spring Boot's own then stands back, and Thymeleaf and the controllers use
 * this one.
 */
@Configuration(proxyBeanMethods = false)
class WebMessages {

  @Bean
  @ConfigurationProperties("spring.messages")
  MessageSourceProperties messageSourceProperties() {
    return new MessageSourceProperties();
  }

  @Bean
  MessageSource messageSource(MessageSourceProperties properties) {
    IcuMessageSource messages = new IcuMessageSource();
    messages.setBasenames(
        properties.getBasename().stream()
            .map(StringUtils::trimAllWhitespace)
            .filter(name -> !name.isEmpty())
            .toArray(String[]::new));
    if (properties.getEncoding() != null) {
      messages.setDefaultEncoding(properties.getEncoding().name());
    }
    messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
    Duration cacheDuration = properties.getCacheDuration();
    if (cacheDuration != null) {
      messages.setCacheMillis(cacheDuration.toMillis());
    }
    messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
    messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
    return messages;
  }
}
