package org.workspaceportal.workspace.lifetime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.scheduling.RecurringTasks;
import org.workspaceportal.workspace.Workspace;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceTransitions;
import org.workspaceportal.workspace.cluster.ClusterSpecs;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.template.WorkspaceTemplateRepository;

/**
 * Stops idle workspaces, on one instance at a time (a db-scheduler recurring task): for each READY
 * workspace whose template sets an idle time, asks its cluster (the notebook's activity and the
 * master's applications) what is going on, outside any transaction, and stops it through the
 * ordinary stop operation when {@link IdleRule} says it has been idle long enough. The stop's
 * reason ("Stopped after 2 h without activity") is in its history, on its page and in the audit
 * trail.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceIdleStop {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceIdleStop.class);

  private final WorkspaceRepository workspaces;
  private final WorkspaceTemplateRepository templates;
  private final WorkspaceTransitions transitions;
  private final ClusterSpecs specs;
  private final ClusterRuntime runtime;
  private final TransactionTemplate tx;
  private final Clock clock;

  WorkspaceIdleStop(
      WorkspaceRepository workspaces,
      WorkspaceTemplateRepository templates,
      WorkspaceTransitions transitions,
      ClusterSpecs specs,
      ClusterRuntime runtime,
      TransactionTemplate tx,
      Clock clock) {
    this.workspaces = workspaces;
    this.templates = templates;
    this.transitions = transitions;
    this.specs = specs;
    this.runtime = runtime;
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
        tx.execute(
            status -> {
              Workspace ws = workspaces.findById(candidate.id()).orElseThrow();
              return ws.facts(templates.findById(ws.templateId()).orElseThrow());
            });
    return IdleRule.idleLongEnough(
        runtime.activity(specs.of(facts)).orElse(null), after, clock.instant());
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
