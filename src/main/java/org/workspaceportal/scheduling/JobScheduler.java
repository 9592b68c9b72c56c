package org.workspaceportal.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The db-scheduler instance of this portal: started after the context (so Flyway has run), stopped
 * first on shutdown (running jobs finish or are taken over by another instance). It runs every task
 * any module declares as a bean: one-off jobs (queued with {@link #queue}) and recurring tasks (a
 * {@link Task} that starts itself, such as those {@link RecurringTasks} makes), each execution
 * claimed from PostgreSQL so that two instances never run the same one at once.
 *
 * <p>A db-scheduler {@link Scheduler} cannot be started twice, so each {@link #start()} builds a
 * new one; queueing goes through a plain {@link SchedulerClient}, which works whether or not this
 * instance runs jobs.
 */
@Component
public class JobScheduler implements SmartLifecycle {

  private static final String TABLE = "scheduled_tasks";

  private final DataSource dataSource;
  private final SchedulerProperties properties;
  private final ObjectProvider<Task<?>> taskBeans;
  private final List<Task<?>> jobs = new ArrayList<>();
  private final List<Task<?>> recurring = new ArrayList<>();
  private SchedulerClient client;
  private volatile Scheduler scheduler;

  /**
   * The tasks are looked up when first needed, not injected: a module's task bean may itself use
   * this scheduler (to queue jobs), which an injected list would make a cycle.
   */
  JobScheduler(
      DataSource dataSource, ObjectProvider<Task<?>> taskBeans, SchedulerProperties properties) {
    this.dataSource = dataSource;
    this.taskBeans = taskBeans;
    this.properties = properties;
  }

  private synchronized SchedulerClient client() {
    if (client == null) {
      taskBeans.orderedStream().forEach(t -> (t instanceof OnStartup ? recurring : jobs).add(t));
      List<Task<?>> all = new ArrayList<>(jobs);
      all.addAll(recurring);
      client = SchedulerClient.Builder.create(dataSource, all).tableName(TABLE).build();
    }
    return client;
  }

  /**
   * Queues a job unless one with the same task and id is queued or running already; says whether it
   * queued one.
   */
  public boolean queue(SchedulableInstance<?> job) {
    Scheduler running = scheduler;
    // through the running scheduler, so that it starts the job at once instead of at its next poll
    SchedulerClient via = running != null ? running : client();
    return via.scheduleIfNotExists(job);
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled() || scheduler != null) {
      return;
    }
    client(); // reads the task beans
    Scheduler fresh =
        Scheduler.create(dataSource, jobs)
            .startTasks(startingTasks())
            .threads(properties.threads())
            .pollingInterval(properties.pollingInterval())
            .heartbeatInterval(properties.heartbeatInterval())
            .missedHeartbeatsLimit(4)
            .enableImmediateExecution()
            .pollUsingLockAndFetch(0.5, 1.0)
            .schedulerName(new SchedulerName.Hostname())
            .tableName(TABLE)
            // on shutdown, give running jobs a moment; anything still running is taken over later
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
