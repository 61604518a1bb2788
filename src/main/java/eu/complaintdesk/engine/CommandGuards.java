package eu.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Where the engine plugins that enforce our rules ({@link TaskVariableGuard}, {@link
 * QueryExpressionGuard}, {@link SignedInActors}) put their command interceptors: after the command
 * context is opened (so a guard sees who is signed in and may query), for every command that runs
 * in a transaction — every way in, REST, the webapps and Java alike.
 */
final class CommandGuards {

  private CommandGuards() {}

  /** Adds the guard behind those already added; call it from a plugin's {@code preInit}. */
  static void add(ProcessEngineConfigurationImpl configuration, CommandInterceptor guard) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPostCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(guard);
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }
}
