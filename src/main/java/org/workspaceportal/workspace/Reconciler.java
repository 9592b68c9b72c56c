package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repairs what falls between the cracks, on one instance at a time (a db-scheduler recurring task):
 * a workspace that needs work but whose job is not queued (the portal died between committing a
 * status and queueing its job) gets its job back. Expiry is {@link WorkspaceExpiry}'s.
 */
@Configuration(proxyBeanMethods = false)
class Reconciler {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final WorkspaceRepository workspaces;
  private final WorkspaceStepRepository steps;
  private final WorkspaceTransitions transitions;
  private final TransactionTemplate tx;
  private final Clock clock;

  Reconciler(
      WorkspaceRepository workspaces,
      WorkspaceStepRepository steps,
      WorkspaceTransitions transitions,
      TransactionTemplate tx,
      Clock clock) {
    this.workspaces = workspaces;
    this.steps = steps;
    this.transitions = transitions;
    this.tx = tx;
    this.clock = clock;
  }

  @Bean
  RecurringTask<Void> workspaceReconcilerTask(EngineProperties properties) {
    return Tasks.recurring(
            "workspace-reconciler", Schedules.fixedDelay(properties.reconcileInterval()))
        .execute((instance, context) -> reconcile(context.getSchedulerClient()));
  }

  void reconcile(SchedulerClient scheduler) {
    List<UUID> busy = tx.execute(status -> workspaces.findIdsByStatusIn(WorkspaceStatus.busy()));
    for (UUID id : busy) {
      if (scheduler.scheduleIfNotExists(WorkspaceJob.instance(id))) {
        log.warn("Workspace {} needed work without a queued job; queued it again", id);
      }
    }
  }
}
