package org.workspaceportal.workspace.cluster;

import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.engine.StepAttempt;
import org.workspaceportal.workspace.engine.StepHandler;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.Preparation;

/**
 * The cluster's image where its roles will run: ready, or being fetched (a wait with progress, not
 * a failed attempt), or a failure saying where it is missing and how to get it there.
 */
@Component
class ImageStepHandler implements StepHandler {

  private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

  private final ClusterSpecs specs;
  private final ClusterRuntime runtime;
  private final ClusterProperties properties;
  private final ClusterState state;

  ImageStepHandler(
      ClusterSpecs specs,
      ClusterRuntime runtime,
      ClusterProperties properties,
      ClusterState state) {
    this.state = state;
    this.specs = specs;
    this.runtime = runtime;
    this.properties = properties;
  }

  @Override
  public Set<StepKind> kinds() {
    return Set.of(StepKind.IMAGE);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    return check(specs.of(step.workspace()));
  }

  private StepOutcome check(ClusterSpec spec) {
    Preparation preparation = runtime.prepare(spec);
    if (preparation.isReady()) {
      // the page says what the notebook offers from what the image declares, not from hope
      state.imagePrepared(spec.id(), preparation.offersPySpark());
      return StepOutcome.done();
    }
    return StepOutcome.poll(
        CHECK_EVERY, preparation.progress(), properties.pullTimeout(), () -> check(spec));
  }
}
