package org.workspaceportal.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.Placement;

/**
 * Waits until the cluster works: the notebook answers with its token (the Jupyter link is shown
 * from then on), and the master lists every worker ALIVE (then the workspace is READY). A wait past
 * its deadline fails with the last lines the containers logged.
 */
@Component
class ReadinessStepHandler implements StepHandler {

  private static final int LOG_LINES = 15;

  /** How often a wait also looks for a container that exited. */
  private static final Duration EXIT_CHECK_EVERY = Duration.ofSeconds(2);

  private final ClusterPlans plans;
  private final ClusterState state;
  private final ClusterProbe probe;
  private final HostService hosts;
  private final ContainerEngine engines;
  private final ClusterProperties properties;

  /** When each waiting step last looked for exited containers (this instance's waits only). */
  private final Map<Long, Instant> lastExitCheck = new ConcurrentHashMap<>();

  ReadinessStepHandler(
      ClusterPlans plans,
      ClusterState state,
      ClusterProbe probe,
      HostService hosts,
      ContainerEngine engines,
      ClusterProperties properties) {
    this.plans = plans;
    this.state = state;
    this.probe = probe;
    this.hosts = hosts;
    this.engines = engines;
    this.properties = properties;
  }

  @Override
  public Set<StepKind> kinds() {
    return Set.of(StepKind.NOTEBOOK_READY, StepKind.WORKERS_READY);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    try {
      StepOutcome outcome = check(step);
      if (outcome instanceof StepOutcome.Done) {
        lastExitCheck.remove(step.stepId());
      }
      return outcome;
    } catch (RuntimeException e) {
      lastExitCheck.remove(step.stepId());
      throw e;
    }
  }

  private StepOutcome check(StepAttempt step) {
    SparkCluster cluster = plans.cluster(step.workspace());
    if (step.kind() == StepKind.NOTEBOOK_READY) {
      if (probe.notebookAnswers(cluster.notebookUrl(), cluster.jupyterToken())) {
        state.notebookAnswered(step.workspace().id());
        return StepOutcome.done();
      }
      failIfAContainerStopped(step, cluster);
      return StepOutcome.checkAgain(
          properties.pollInterval(),
          "waiting for the notebook to answer",
          properties.notebookTimeout());
    }
    int wanted = cluster.workers().size();
    int alive = probe.aliveWorkers(cluster.masterUi());
    state.workersAlive(step.workspace().id(), Math.max(alive, 0));
    if (alive >= wanted) {
      return StepOutcome.done();
    }
    failIfAContainerStopped(step, cluster);
    return StepOutcome.checkAgain(
        properties.pollInterval(),
        alive < 0
            ? "waiting for the Spark master to answer"
            : "waiting for the workers to join (" + alive + " of " + wanted + ")",
        properties.workersTimeout());
  }

  /**
   * A container that exited (a port taken by something else, a bad setting) will not come back by
   * waiting: fail at once with what it logged instead of at the deadline.
   */
  private void failIfAContainerStopped(StepAttempt step, SparkCluster cluster) {
    // every few seconds, not at every poll: listing containers is a round trip to every host's
    // engine, and five workspaces starting at once would ask each engine fifty times a second
    Instant now = Instant.now();
    Instant last = lastExitCheck.get(step.stepId());
    if (last != null && now.isBefore(last.plus(EXIT_CHECK_EVERY))) {
      return;
    }
    lastExitCheck.put(step.stepId(), now);
    // steps this instance stopped waiting for (a deadline, a takeover) leave an entry behind
    lastExitCheck.values().removeIf(t -> t.isBefore(now.minus(Duration.ofHours(1))));
    Map<String, String> mine = SparkContainers.labelled(cluster.id());
    Map<java.util.UUID, String> hostsUsed = new java.util.LinkedHashMap<>();
    plans
        .placements(step.workspace().id())
        .values()
        .forEach(p -> hostsUsed.put(p.hostId(), p.hostName()));
    for (var host : hostsUsed.entrySet()) {
      var endpoint = hosts.endpointOf(host.getKey());
      for (ContainerInfo c : engines.containers(endpoint, mine)) {
        if ("exited".equals(c.state()) || "dead".equals(c.state())) {
          List<String> lines = engines.logTail(endpoint, c.id(), LOG_LINES);
          throw new ComputeException(
              "The "
                  + c.labels().getOrDefault(SparkContainers.ROLE_LABEL, c.name())
                  + " container on "
                  + host.getValue()
                  + " stopped. Its last lines:\n"
                  + String.join("\n", lines),
              false);
        }
      }
    }
  }

  @Override
  public String detailOnTimeout(StepAttempt step) {
    Map<String, Placement> placed = plans.placements(step.workspace().id());
    List<String> roles =
        step.kind() == StepKind.NOTEBOOK_READY
            ? List.of(ClusterPlans.NOTEBOOK)
            : placed.keySet().stream().filter(r -> !r.equals(ClusterPlans.NOTEBOOK)).toList();
    List<String> detail = new ArrayList<>();
    for (String role : roles) {
      Placement p = placed.get(role);
      try {
        List<String> lines =
            engines.logTail(
                hosts.endpointOf(p.hostId()),
                SparkContainers.name(state.clusterId(step.workspace().id()), role),
                LOG_LINES);
        detail.add(
            "Last lines of " + role + " on " + p.hostName() + ":\n" + String.join("\n", lines));
      } catch (ComputeException e) {
        detail.add(role + ": its log could not be read (" + e.getMessage() + ")");
      }
    }
    return String.join("\n", detail);
  }
}
