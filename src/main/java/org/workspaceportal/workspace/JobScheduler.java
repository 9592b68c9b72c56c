package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The db-scheduler instance of this portal: started after the context (so Flyway has run), stopped
 * first on shutdown (running steps finish or are taken over by another instance).
 */
@Component
class JobScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

  private final Scheduler scheduler;
  private final boolean enabled;
  private volatile boolean running;

  JobScheduler(DataSource dataSource, WorkspaceJob job, Reconciler reconciler, EngineProperties properties) {
    RecurringTask<Void> reconcile = reconciler.task(properties.reconcileInterval());
    this.enabled = properties.enabled();
    this.scheduler =
        Scheduler.create(dataSource, job.task())
            .startTasks(reconcile)
            .threads(properties.threads())
            .pollingInterval(properties.pollingInterval())
            .heartbeatInterval(properties.heartbeatInterval())
            .missedHeartbeatsLimit(4)
            .enableImmediateExecution()
            .pollUsingLockAndFetch(0.5, 1.0)
            .schedulerName(new SchedulerName.Hostname())
            .tableName("scheduled_tasks")
            .build();
  }

  /** Queues the job of a workspace to run now, unless it is queued or running already. */
  void trigger(UUID workspaceId) {
    boolean scheduled = scheduler.scheduleIfNotExists(WorkspaceJob.instance(workspaceId));
    log.debug("Workspace {} job {}", workspaceId, scheduled ? "scheduled" : "already queued");
  }

  boolean isQueued(UUID workspaceId) {
    return scheduler.getScheduledExecution(WorkspaceJob.TASK.instanceId(workspaceId.toString())).isPresent();
  }

  @Override
  public void start() {
    if (enabled) {
      scheduler.start();
    }
    running = true;
  }

  @Override
  public void stop() {
    if (enabled) {
      scheduler.stop();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
