package eu.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps every exception of a task listener into a generic ProcessEngineException
 * (ENGINE-03051), which its REST API answers with 500. This unwraps our own refusals again (after
 * the transaction was rolled back), so callers get 400 and a clear message. It also notes a
 * concurrent change ({@link OptimisticLockingException}: a timer of the case fired while a user
 * completed its task) on the request, which the REST API answers with 500 too, so that {@link
 * EngineErrorBodies} can answer the 409 it is.
 */
@Component
class TaskRuleErrors extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Unwrapping());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class Unwrapping extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (OptimisticLockingException e) {
        EngineRefusals.noteConcurrentChange();
        throw e;
      } catch (ProcessEngineException e) {
        Refusal refusal = Refusal.in(e);
        if (refusal == null) {
          throw e;
        }
        EngineRefusals.note(refusal);
        throw refusal;
      }
    }
  }
}
