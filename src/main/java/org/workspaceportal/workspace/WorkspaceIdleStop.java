package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.NotebookActivity;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.scheduling.RecurringTasks;

/**
 * Stops idle workspaces, on one instance at a time (a db-scheduler recurring task): for each READY
 * workspace whose template sets an idle time, asks its notebook ({@code /api/status}, with its
 * token) and its Spark master ({@code /json/}) what is going on, outside any transaction, and stops
 * it through the ordinary stop operation when {@link IdleRule} says it has been idle long enough.
 * The stop's reason ("Stopped after 2 h without activity") is in its history, on its page and in
 * the audit trail.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceIdleStop {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceIdleStop.class);

  private final WorkspaceRepository workspaces;
  private final WorkspaceTransitions transitions;
  private final ClusterPlans plans;
  private final ClusterProbe probe;
  private final TransactionTemplate tx;
  private final Clock clock;

  WorkspaceIdleStop(
      WorkspaceRepository workspaces,
      WorkspaceTransitions transitions,
      ClusterPlans plans,
      ClusterProbe probe,
      TransactionTemplate tx,
      Clock clock) {
    this.workspaces = workspaces;
    this.transitions = transitions;
    this.plans = plans;
    this.probe = probe;
    this.tx = tx;
    this.clock = clock;
  }

  @Bean
  RecurringTask<Void> workspaceIdleStopTask(IdleStopProperties properties) {
    return RecurringTasks.every("workspace-idle-stop", properties.checkInterval(), this::check);
  }

  /** One pass over the READY workspaces with an idle time. */
  void check() {
    var candidates = tx.execute(status -> workspaces.findIdleStopCandidates());
    for (WorkspaceRepository.IdleCandidate candidate : candidates) {
      try {
        Duration idleAfter = Duration.ofSeconds(candidate.idleStopSeconds());
        idleFor(candidate, idleAfter).ifPresent(idle -> stop(candidate, idle, idleAfter));
      } catch (RuntimeException e) {
        log.warn("Idle check of workspace {} failed: {}", candidate.id(), e.getMessage());
      }
    }
  }

  private Optional<Duration> idleFor(WorkspaceRepository.IdleCandidate candidate, Duration after) {
    WorkspaceFacts facts =
        tx.execute(status -> workspaces.findById(candidate.id()).orElseThrow().facts(true));
    SparkCluster cluster = plans.cluster(facts);
    NotebookActivity notebook =
        probe.notebookActivity(cluster.notebookUrl(), cluster.jupyterToken()).orElse(null);
    int applications = probe.activeApplications(cluster.masterUi());
    return IdleRule.idleLongEnough(notebook, applications, after, clock.instant());
  }

  private void stop(WorkspaceRepository.IdleCandidate candidate, Duration idle, Duration after) {
    tx.executeWithoutResult(
        status -> {
          Workspace ws = workspaces.findById(candidate.id()).orElseThrow();
          if (ws.status() != WorkspaceStatus.READY) {
            return; // stopped, deleted or failed meanwhile
          }
          transitions.move(
              ws,
              WorkspaceStatus.STOPPING,
              "stopped",
              WorkspaceTransitions.PORTAL,
              "Stopped after "
                  + IdleRule.words(idle)
                  + " without activity (no notebook activity and no Spark application; its"
                  + " template stops workspaces idle for "
                  + IdleRule.words(after)
                  + "). Start it again whenever you like.");
        });
    log.info("Workspace {} idle for {}; stopping it", candidate.id(), idle);
  }
}
