package org.workspaceportal.workspace.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.workspaceportal.common.ExternalSystemException;
import org.workspaceportal.workspace.engine.StepAttempt;
import org.workspaceportal.workspace.engine.StepHandler;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.Exited;
import org.workspaceportal.workspace.runtime.Role;
import org.workspaceportal.workspace.runtime.RuntimeFailure;

/**
 * Waits until the cluster works: the notebook answers a signed request (the Jupyter link is shown
 * from then on), and the master lists every worker alive (then the workspace is READY). Each poll
 * reuses the spec the step's first run built and the places its runtime looked up for it. A role
 * that exited fails the step at once with what it logged; a wait past its deadline fails with the
 * last lines the roles logged.
 */
@Component
class ReadinessStepHandler implements StepHandler {

  private static final int LOG_LINES = 15;

  /** How often a wait also looks for a role that exited (a round trip to every host). */
  private static final Duration EXIT_CHECK_EVERY = Duration.ofSeconds(2);

  private final ClusterSpecs specs;
  private final ClusterState state;
  private final ClusterRuntime runtime;
  private final ClusterProperties properties;

  ReadinessStepHandler(
      ClusterSpecs specs,
      ClusterState state,
      ClusterRuntime runtime,
      ClusterProperties properties) {
    this.specs = specs;
    this.state = state;
    this.runtime = runtime;
    this.properties = properties;
  }

  @Override
  public Set<StepKind> kinds() {
    return Set.of(StepKind.NOTEBOOK_READY, StepKind.WORKERS_READY);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    Poll poll = new Poll(step.kind(), specs.of(step.workspace()));
    return poll.check();
  }

  /** One step's wait: what it knows between two checks. */
  private final class Poll {
    private final StepKind kind;
    private final ClusterSpec spec;
    private final ClusterRuntime.Readiness readiness;
    private final Instant quickUntil = Instant.now().plus(properties.quickPollPeriod());
    private Instant lastExitCheck = Instant.MIN;
    private int lastAlive = Integer.MIN_VALUE;

    Poll(StepKind kind, ClusterSpec spec) {
      this.kind = kind;
      this.spec = spec;
      this.readiness = runtime.readiness(spec);
    }

    StepOutcome check() {
      if (kind == StepKind.NOTEBOOK_READY) {
        if (readiness.notebookAnswers()) {
          state.notebookAnswered(spec.id());
          return StepOutcome.done();
        }
        failIfARoleExited();
        return StepOutcome.poll(
            interval(),
            "waiting for the notebook to answer",
            properties.notebookTimeout(),
            this::check);
      }
      int wanted = spec.workers().size();
      int alive = readiness.workersAlive();
      if (alive != lastAlive) {
        state.workersAlive(spec.id(), Math.max(alive, 0));
        lastAlive = alive;
      }
      if (alive >= wanted) {
        return StepOutcome.done();
      }
      failIfARoleExited();
      return StepOutcome.poll(
          interval(),
          alive < 0
              ? "waiting for the Spark master to answer"
              : "waiting for the workers to join (" + alive + " of " + wanted + ")",
          properties.workersTimeout(),
          this::check);
    }

    /** Quick at first, when a notebook or a worker is most likely to come up; slower later. */
    private Duration interval() {
      return Instant.now().isBefore(quickUntil)
          ? properties.quickPollInterval()
          : properties.pollInterval();
    }

    /**
     * A role that exited (a port taken by something else, a bad setting) will not come back by
     * waiting: fail at once with what it logged instead of at the deadline. Every few seconds, not
     * at every poll: five workspaces starting at once would ask each host fifty times a second.
     */
    private void failIfARoleExited() {
      Instant now = Instant.now();
      if (now.isBefore(lastExitCheck.plus(EXIT_CHECK_EVERY))) {
        return;
      }
      lastExitCheck = now;
      List<Exited> exited = runtime.exited(spec.id());
      if (!exited.isEmpty()) {
        Exited first = exited.getFirst();
        throw new RuntimeFailure(
            "The "
                + first.role()
                + " container on "
                + first.location()
                + " stopped. Its last lines:\n"
                + String.join("\n", first.lastLines()),
            false);
      }
    }
  }

  @Override
  public String detailOnTimeout(StepAttempt step) {
    UUID clusterId = state.clusterId(step.workspace().id());
    Map<String, String> where = runtime.locations(clusterId);
    List<String> roles =
        step.kind() == StepKind.NOTEBOOK_READY
            ? List.of(Role.NOTEBOOK)
            : where.keySet().stream().filter(r -> !r.equals(Role.NOTEBOOK)).toList();
    List<String> detail = new ArrayList<>();
    for (String role : roles) {
      try {
        List<String> lines = runtime.logs(clusterId, role, LOG_LINES);
        detail.add(
            "Last lines of "
                + role
                + " on "
                + where.getOrDefault(role, "?")
                + ":\n"
                + String.join("\n", lines));
      } catch (ExternalSystemException e) {
        detail.add(role + ": its log could not be read (" + e.getMessage() + ")");
      }
    }
    return String.join("\n", detail);
  }
}
