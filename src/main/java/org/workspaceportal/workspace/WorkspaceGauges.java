package org.workspaceportal.workspace;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code portal_workspaces{status=...}}: how many workspaces are in each status. One grouped query
 * serves all gauges and is reused for a few seconds, so a scrape costs at most one query.
 */
@Component
class WorkspaceGauges implements MeterBinder {

  private static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final WorkspaceRepository workspaces;
  private volatile Map<WorkspaceStatus, Long> counts = Map.of();
  private volatile long countedAt;
  private volatile boolean counted;

  WorkspaceGauges(WorkspaceRepository workspaces) {
    this.workspaces = workspaces;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (WorkspaceStatus status : WorkspaceStatus.values()) {
      Gauge.builder("portal.workspaces", this, g -> g.count(status))
          .description("Workspaces by status")
          .tag("status", status.name())
          .register(registry);
    }
  }

  private double count(WorkspaceStatus status) {
    long now = System.nanoTime();
    if (!counted || now - countedAt > MAX_AGE.toNanos()) {
      Map<WorkspaceStatus, Long> fresh = new EnumMap<>(WorkspaceStatus.class);
      for (WorkspaceRepository.StatusCount row : workspaces.countByStatus()) {
        fresh.put(row.status(), row.count());
      }
      counts = fresh;
      countedAt = now;
      counted = true;
    }
    return counts.getOrDefault(status, 0L);
  }
}
