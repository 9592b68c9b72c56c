package org.workspaceportal.workspace.engine;

import java.util.Set;
import org.workspaceportal.workspace.data.WorkspaceStorage;

/**
 * Runs the steps of one group of kinds (storage; placement, containers and readiness next) against
 * its external system, outside any transaction. A handler owns the state its steps make (storage
 * keeps {@link WorkspaceStorage}) and must be idempotent: a step may run again after a crash or a
 * retry, so it looks for what an earlier attempt made before it creates anything.
 *
 * <p>Every handler bean is registered at start-up in {@link StepHandlers}; a {@link StepKind}
 * without exactly one handler stops the start.
 */
public interface StepHandler {

  /** The kinds this handler runs. */
  Set<StepKind> kinds();

  /**
   * Runs one attempt. Throws on failure: an {@link
   * org.workspaceportal.common.ExternalSystemException} says whether another attempt may help;
   * anything else is treated as a bug (logged whole, retried a bounded number of times).
   */
  StepOutcome run(StepAttempt step);

  /**
   * Extra detail for the failure reason when a wait of this step times out (e.g. the last lines a
   * container logged); empty for none. Called outside any transaction.
   */
  default String detailOnTimeout(StepAttempt step) {
    return "";
  }
}
