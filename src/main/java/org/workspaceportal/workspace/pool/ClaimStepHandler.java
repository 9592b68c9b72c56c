package org.workspaceportal.workspace.pool;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.engine.StepAttempt;
import org.workspaceportal.workspace.engine.StepHandler;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;

/**
 * A new workspace whose template keeps a warm pool takes a ready cluster from it, if one fits:
 * claiming is an ownership change (the cluster serves the workspace from now on), and the steps
 * that follow find its master and workers running and start only the notebook. When none fits, the
 * workspace gets a cluster of its own as usual.
 */
@Component
class ClaimStepHandler implements StepHandler {

  private final PoolRecords pool;
  private final Counter claims;

  ClaimStepHandler(PoolRecords pool, MeterRegistry registry) {
    this.pool = pool;
    this.claims =
        Counter.builder("portal.pool.claims")
            .description("Workspaces whose cluster was claimed from a warm pool")
            .register(registry);
  }

  @Override
  public Set<StepKind> kinds() {
    return Set.of(StepKind.CLAIM);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    pool.claim(step.workspace()).ifPresent(id -> claims.increment());
    return StepOutcome.done();
  }
}
