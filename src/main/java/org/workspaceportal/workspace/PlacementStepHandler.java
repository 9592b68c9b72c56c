package org.workspaceportal.workspace;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.workspaceportal.host.CapacityService;
import org.workspaceportal.host.NoCapacityException;
import org.workspaceportal.host.Placement;

/**
 * Where a cluster runs: chooses hosts and leases cores, memory and ports for every container
 * (waiting, not failing, while the hosts are full), and gives them back on deletion. A new
 * workspace first tries to claim a cluster from its template's warm pool: then its master and
 * workers are already placed and running, and only the notebook is placed here.
 */
@Component
class PlacementStepHandler implements StepHandler {

  private final ClusterPlans plans;
  private final ClusterState state;
  private final CapacityService capacity;
  private final WarmPool pool;
  private final ClusterProperties properties;
  private final Counter claims;

  PlacementStepHandler(
      ClusterPlans plans,
      ClusterState state,
      CapacityService capacity,
      WarmPool pool,
      ClusterProperties properties,
      MeterRegistry registry) {
    this.plans = plans;
    this.state = state;
    this.capacity = capacity;
    this.pool = pool;
    this.properties = properties;
    this.claims =
        Counter.builder("portal.pool.claims")
            .description("Workspaces whose cluster was claimed from a warm pool")
            .register(registry);
  }

  @Override
  public Set<StepKind> kinds() {
    return EnumSet.of(StepKind.PLACE, StepKind.RELEASE_HOSTS);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    WorkspaceFacts ws = step.workspace();
    if (step.kind() == StepKind.RELEASE_HOSTS) {
      capacity.release(ws.id());
      return StepOutcome.done();
    }
    if (step.operation() == Operation.PROVISION) {
      pool.claim(ws).ifPresent(id -> claims.increment());
    }
    WorkspaceTemplate template = plans.template(ws);
    List<Placement> placements;
    try {
      placements = capacity.place(ws.id(), plans.demands(template, ws.workers()));
    } catch (NoCapacityException e) {
      return StepOutcome.checkAgain(
          Duration.ofSeconds(5),
          "waiting for room on the hosts (" + e.getMessage() + ")",
          properties.placementTimeout());
    }
    state.ensure(ws.id(), template.image(), placements);
    return StepOutcome.done();
  }
}
