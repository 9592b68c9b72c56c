package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The db-scheduler instance of this portal: started after the context (so Flyway has run), stopped
 * first on shutdown (running steps finish or are taken over by another instance). It runs the
 * workspace jobs and every recurring task any module declares as a bean (a db-scheduler {@link
 * Task} that starts itself, such as the reconciler or the host health check), each execution
 * claimed from PostgreSQL so that two instances never run the same one at once.
 *
 * <p>A db-scheduler {@link Scheduler} cannot be started twice, so each {@link #start()} builds a
 * new one; queueing goes through a plain {@link SchedulerClient}, which works whether or not this
 * instance runs jobs.
 */
@Component
class JobScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
  private static final String TABLE = "scheduled_tasks";

  private final DataSource dataSource;
  private final EngineProperties properties;
  private final List<Task<?>> tasks = new ArrayList<>();
  private final List<Task<?>> recurring = new ArrayList<>();
  private final SchedulerClient client;
  private volatile Scheduler scheduler;

  JobScheduler(
      DataSource dataSource,
      WorkspaceJob job,
      List<Task<?>> taskBeans,
      EngineProperties properties) {
    this.dataSource = dataSource;
    this.properties = properties;
    tasks.add(job.task());
    for (Task<?> task : taskBeans) {
      (task instanceof OnStartup ? recurring : tasks).add(task);
    }
    List<Task<?>> all = new ArrayList<>(tasks);
    all.addAll(recurring);
    this.client = SchedulerClient.Builder.create(dataSource, all).tableName(TABLE).build();
  }

  /** Queues the job of a workspace to run now, unless it is queued or running already. */
  void trigger(UUID workspaceId) {
    Scheduler running = scheduler;
    // Through the running scheduler, so that it starts the job at once instead of at its next poll.
    SchedulerClient via = running != null ? running : client;
    boolean scheduled = via.scheduleIfNotExists(WorkspaceJob.instance(workspaceId));
    log.debug("Workspace {} job {}", workspaceId, scheduled ? "scheduled" : "already queued");
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled() || scheduler != null) {
      return;
    }
    Scheduler fresh =
        Scheduler.create(dataSource, tasks)
            .startTasks(startingTasks())
            .threads(properties.threads())
            .pollingInterval(properties.pollingInterval())
            .heartbeatInterval(properties.heartbeatInterval())
            .missedHeartbeatsLimit(4)
            .enableImmediateExecution()
            .pollUsingLockAndFetch(0.5, 1.0)
            .schedulerName(new SchedulerName.Hostname())
            .tableName(TABLE)
            // on shutdown, give running steps a moment; anything still running is taken over later
            .shutdownMaxWait(Duration.ofSeconds(5))
            .build();
    fresh.start();
    scheduler = fresh;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T extends Task<?> & OnStartup> List<T> startingTasks() {
    return (List) recurring;
  }

  @Override
  public synchronized void stop() {
    Scheduler running = scheduler;
    scheduler = null;
    if (running != null) {
      running.stop();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null || !properties.enabled();
  }
}
