package org.workspaceportal.workspace.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.Operation;

/** Per-step duration histogram and failure counter, for Prometheus. */
@Component
class StepMetrics {

  private final MeterRegistry registry;

  StepMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void succeeded(Operation operation, StepKind kind, Duration duration) {
    timer(operation, kind, "success").record(duration);
  }

  void failed(Operation operation, StepKind kind, Duration duration) {
    timer(operation, kind, "failure").record(duration);
    Counter.builder("portal.workspace.step.failures")
        .description("Failed attempts of provisioning and teardown steps")
        .tag("step", kind.name().toLowerCase())
        .register(registry)
        .increment();
  }

  private Timer timer(Operation operation, StepKind kind, String outcome) {
    return Timer.builder("portal.workspace.step.duration")
        .description("Duration of provisioning and teardown step attempts")
        .tag("step", kind.name().toLowerCase())
        .tag("operation", operation.name().toLowerCase())
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry);
  }
}
