package org.workspaceportal.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;

/**
 * Recurring work of any module, as a bean the {@link JobScheduler} picks up: each tick is claimed
 * from PostgreSQL, so with several portal instances one of them runs it. A tick that throws is
 * logged by db-scheduler and the next one runs on time.
 */
public final class RecurringTasks {

  private RecurringTasks() {}

  /**
   * A task named {@code name} (unique in the portal: it is the row db-scheduler keeps) that runs
   * {@code work} {@code interval} after the previous run ended.
   */
  public static RecurringTask<Void> every(String name, Duration interval, Runnable work) {
    return Tasks.recurring(name, Schedules.fixedDelay(interval))
        .execute((instance, context) -> work.run());
  }
}
