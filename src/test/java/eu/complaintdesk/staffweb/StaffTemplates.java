package eu.complaintdesk.staffweb;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a staff page's template without the application, as Spring Boot's Thymeleaf does ({@code
 * classpath:templates/*.html}, HTML mode, SpEL): for tests of what a page shows.
 */
public final class StaffTemplates {

  private static final SpringTemplateEngine ENGINE = engine();

  private StaffTemplates() {}

  /** The page as HTML; the model needs no nonce (the page gets {@code n0nce}). */
  public static String render(String template, Map<String, ?> model) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariables(Map.copyOf(model));
    context.setVariable(StaffPages.NONCE, "n0nce");
    return ENGINE.process(template, context);
  }

  private static SpringTemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
