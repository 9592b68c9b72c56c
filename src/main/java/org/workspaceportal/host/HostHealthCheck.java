package org.workspaceportal.host;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.host.HostEvents.HostStatusChanged;
import org.workspaceportal.scheduling.RecurringTasks;

/**
 * Asks every host's engine whether it answers, as a db-scheduler recurring task: each tick is
 * claimed from PostgreSQL, so with two portal instances only one checks. Hosts are checked in
 * parallel, so one engine that times out does not delay the others' verdicts.
 */
@Configuration(proxyBeanMethods = false)
class HostHealthCheck {

  private static final Logger log = LoggerFactory.getLogger(HostHealthCheck.class);

  @Bean
  RecurringTask<Void> hostHealthTask(HostService hosts, HostProperties properties) {
    return RecurringTasks.every("host-health", properties.checkInterval(), () -> checkAll(hosts));
  }

  static void checkAll(HostService hosts) {
    List<UUID> ids = hosts.ids();
    try (ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<HostView>> results =
          ids.stream().map(id -> checks.submit(() -> hosts.check(id))).toList();
      for (Future<HostView> result : results) {
        try {
          result.get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof NotFoundException)) {
            log.warn("A host health check failed: {}", e.getCause().toString());
          } // else: removed since the list was read
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @EventListener
  void on(HostStatusChanged change) {
    if (change.to() == HostStatus.DOWN) {
      log.warn("Host {} is DOWN: {}", change.name(), change.error());
    } else {
      log.info("Host {} is {}", change.name(), change.to());
    }
  }
}
