package org.workspaceportal.workspace.engine;

import java.util.Optional;
import java.util.UUID;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFacts;

/**
 * What the engine runs steps for, as read in the ledger's transaction: a workspace, or a warm-pool
 * cluster. Its state says which {@link Operation} it needs; the engine tells it when the operation
 * starts, completes or fails, and it moves accordingly (a workspace through its transitions, with
 * history, metrics and audit; a pool cluster through its own few states).
 */
public interface StepSubject {

  /** What its steps need to know. */
  WorkspaceFacts facts();

  /** Which run of a repeatable operation its steps belong to. */
  int run();

  /** The operation its state calls for, queued or running; empty: none. */
  Optional<Operation> operation();

  /** Whether the operation already runs (false: it is queued, and starts with its first step). */
  boolean running(Operation operation);

  void started(Operation operation);

  void completed(Operation operation);

  /** The operation failed for good at the step of this kind, for this reason. */
  void failed(Operation operation, StepKind kind, String message);

  /** Finds a subject by id in the caller's transaction; one bean per kind of subject. */
  interface Finder {
    Optional<StepSubject> find(UUID id);
  }
}
