package org.workspaceportal.workspace.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.Operation;

/**
 * How long whole operations take (provision, stop, start, delete), from the request that started
 * them to their end, as a Prometheus histogram whose buckets match JupyterHub's spawn histogram
 * ({@code jupyterhub_server_spawn_duration_seconds}), so the two can be compared side by side.
 */
@Component
class OperationMetrics {

  private static final Duration[] JUPYTERHUB_BUCKETS = {
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(15),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(120),
    Duration.ofSeconds(180),
    Duration.ofSeconds(300),
    Duration.ofSeconds(600)
  };

  private final MeterRegistry registry;

  OperationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void completed(Operation operation, Duration duration) {
    timer(operation, "success").record(duration);
  }

  void failed(Operation operation, Duration duration) {
    timer(operation, "failure").record(duration);
  }

  private Timer timer(Operation operation, String outcome) {
    return Timer.builder("portal.workspace.operation.duration")
        .description(
            "Duration of whole workspace operations, from the request to the end (buckets as"
                + " JupyterHub's spawn histogram)")
        .tag("operation", operation.name().toLowerCase())
        .tag("outcome", outcome)
        .serviceLevelObjectives(JUPYTERHUB_BUCKETS)
        .register(registry);
  }
}
