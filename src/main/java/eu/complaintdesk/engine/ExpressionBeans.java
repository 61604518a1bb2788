package eu.complaintdesk.engine;

import java.util.AbstractMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The Spring beans a process model reaches by name: the application's delegates and listeners
 * ({@link JavaDelegate}, {@link ExecutionListener}, {@link TaskListener}), nothing else. Camunda's
 * Spring integration otherwise resolves every bean of the context in an expression, so a deployed
 * model with {@code ${systemEnvironment}} read the server's environment, passwords included, into a
 * variable. A name that is no such bean is a process variable, as before.
 *
 * <p>Also reachable: {@link #EARLIER_MODELS}, the beans whose methods the process models deployed
 * before the {@link DeploymentGuard} called in their expressions; cases started on those versions
 * still evaluate them. A new deployment cannot call a method ({@link ExpressionShapes}), so a name
 * alone gives it nothing but the object.
 */
@Component
class ExpressionBeans extends AbstractProcessEnginePlugin {

  static final Set<String> EARLIER_MODELS =
      Set.of("complaintRegister", "organisation", "externalInquiries", "appealAuthorities");

  private static final List<Class<?>> DELEGATE_TYPES =
      List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

  private final ApplicationContext context;

  ExpressionBeans(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine adds its functions (currentUser(), dateTime()) to whichever manager it has in init
    configuration.setExpressionManager(new SpringExpressionManager(context, new Beans(context)));
  }

  /**
   * The reachable beans, read from the context when first asked (after it has started, so that
   * naming them creates none early).
   */
  static final class Beans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private volatile Set<String> names;

    Beans(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object name) {
      return name instanceof String bean && names().contains(bean);
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? context.getBean((String) name) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      throw new UnsupportedOperationException("The beans of expressions are looked up by name");
    }

    private Set<String> names() {
      Set<String> known = names;
      if (known == null) {
        Set<String> found = new HashSet<>(EARLIER_MODELS);
        for (Class<?> type : DELEGATE_TYPES) {
          found.addAll(List.of(context.getBeanNamesForType(type, true, false)));
        }
        known = Set.copyOf(found);
        names = known;
      }
      return known;
    }
  }
}
