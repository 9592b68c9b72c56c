package org.workspaceportal.workspace.lifetime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.scheduling.RecurringTasks;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.Workspace;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceTransitions;
import org.workspaceportal.workspace.engine.WorkspaceStepRepository;

/**
 * Enforces expiry, on one instance at a time (a db-scheduler recurring task): a READY workspace
 * past its expiry stops through the ordinary stop operation (storage-only ones have no step to run
 * and go straight to STOPPED); one that has stayed expired for as long as the admin setting says
 * ({@link ExpirySettings}, read on every pass; the default is {@link
 * ExpiryProperties#keepStoppedFor()}) is deleted with its retention choice. Each move is a status
 * change by the portal with its reason, so it is in the history and the audit trail.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceExpiry {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceExpiry.class);
  private static final EnumSet<WorkspaceStatus> STOPPABLE = EnumSet.of(WorkspaceStatus.READY);

  /** Stopped by expiry (or before it), or failed: nothing runs that a deletion would cut short. */
  private static final EnumSet<WorkspaceStatus> DELETABLE =
      EnumSet.of(WorkspaceStatus.STOPPED, WorkspaceStatus.FAILED);

  private final WorkspaceRepository workspaces;
  private final WorkspaceStepRepository steps;
  private final WorkspaceTransitions transitions;
  private final ExpiryRules rules;
  private final TransactionTemplate tx;
  private final Clock clock;

  WorkspaceExpiry(
      WorkspaceRepository workspaces,
      WorkspaceStepRepository steps,
      WorkspaceTransitions transitions,
      ExpiryRules rules,
      TransactionTemplate tx,
      Clock clock) {
    this.clock = clock;
    this.workspaces = workspaces;
    this.steps = steps;
    this.transitions = transitions;
    this.rules = rules;
    this.tx = tx;
  }

  @Bean
  RecurringTask<Void> workspaceExpiryTask(ExpiryProperties properties) {
    return RecurringTasks.every("workspace-expiry", properties.checkInterval(), this::enforce);
  }

  /** One pass: stops what expired, deletes what stayed expired too long. */
  void enforce() {
    each(tx.execute(status -> workspaces.findExpiredIds(STOPPABLE, clock.instant())), this::stop);
    each(deletable(), this::delete);
  }

  /**
   * A workspace whose deletion failed is not deleted again: that would retry a failing teardown
   * every pass; it waits for a person.
   */
  private List<UUID> deletable() {
    return tx.execute(
        status ->
            workspaces.findExpiredIds(DELETABLE, rules.deleteExpiredBefore()).stream()
                .filter(id -> !steps.existsByWorkspaceIdAndOperation(id, Operation.TEARDOWN))
                .toList());
  }

  private void each(List<UUID> ids, Consumer<Workspace> action) {
    for (UUID id : ids) {
      try {
        tx.executeWithoutResult(status -> workspaces.findById(id).ifPresent(action));
      } catch (RuntimeException e) {
        // e.g. its owner stopped or deleted it meanwhile (optimistic lock): the next pass sees it
        log.warn("Could not apply expiry to workspace {}: {}", id, e.getMessage());
      }
    }
  }

  private void stop(Workspace ws) {
    if (!STOPPABLE.contains(ws.status()) || !rules.expired(ws.expiresAt())) {
      return;
    }
    transitions.move(
        ws,
        WorkspaceStatus.STOPPING,
        "stopped",
        WorkspaceTransitions.PORTAL,
        "Expired at "
            + ws.expiresAt()
            + "; stopped. Ask for an extension to start it again; without one it is deleted at "
            + rules.deletedAt(ws.expiresAt())
            + ".");
    log.info("Workspace {} expired; stopping it", ws.id());
  }

  private void delete(Workspace ws) {
    if (!DELETABLE.contains(ws.status())
        || ws.expiresAt() == null
        || ws.expiresAt().isAfter(rules.deleteExpiredBefore())) {
      return;
    }
    transitions.move(
        ws,
        WorkspaceStatus.DELETING,
        "deleted",
        WorkspaceTransitions.PORTAL,
        "Expired at " + ws.expiresAt() + " and not extended since; deleted.");
    log.info("Workspace {} expired long ago; deleting it", ws.id());
  }
}
