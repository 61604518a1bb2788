package eu.complaintdesk.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A Spring bean of this type is told of every user task of every model when it is created and when
 * it is completed, inside the engine's transaction ({@link EveryUserTask}). The models name no
 * listener for it.
 */
public interface OnEveryUserTask {

  void created(DelegateTask task);

  /**
   * After the task's own completion listeners (those of the model): what they stored is stored.
   * Nothing by default.
   */
  default void completed(DelegateTask task) {}
}
