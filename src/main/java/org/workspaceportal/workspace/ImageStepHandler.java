package org.workspaceportal.workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.OfflineImageBuild;
import org.workspaceportal.compute.PullStatus;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.Placement;

/**
 * The image on every host the cluster uses: present, or pulled (a wait with progress, not a failed
 * attempt), or a failure saying which host lacks which image and how to get it there.
 */
@Component
class ImageStepHandler implements StepHandler {

  private final ClusterPlans plans;
  private final ClusterState state;
  private final HostService hosts;
  private final ContainerEngine engines;
  private final OfflineImageBuild offlineBuild;
  private final ClusterProperties properties;

  ImageStepHandler(
      ClusterPlans plans,
      ClusterState state,
      HostService hosts,
      ContainerEngine engines,
      OfflineImageBuild offlineBuild,
      ClusterProperties properties) {
    this.plans = plans;
    this.state = state;
    this.hosts = hosts;
    this.engines = engines;
    this.offlineBuild = offlineBuild;
    this.properties = properties;
  }

  @Override
  public Set<StepKind> kinds() {
    return Set.of(StepKind.IMAGE);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    String image = state.cluster(step.workspace().id()).orElseThrow().image();
    Map<UUID, String> hostNames = new LinkedHashMap<>();
    for (Placement p : plans.placements(step.workspace().id()).values()) {
      hostNames.put(p.hostId(), p.hostName());
    }
    List<String> pulling = new ArrayList<>();
    for (Map.Entry<UUID, String> host : hostNames.entrySet()) {
      EngineEndpoint endpoint = hosts.endpointOf(host.getKey());
      if (engines.hasImage(endpoint, image)) {
        continue;
      }
      boolean build = offlineBuild.makes(image) && offlineBuild.whyNot(endpoint) == null;
      PullStatus fetch = build ? offlineBuild.build(endpoint) : engines.pull(endpoint, image);
      switch (fetch.state()) {
        case DONE -> {}
        case RUNNING ->
            pulling.add(
                (build ? "building it on " : "pulling it on ")
                    + host.getValue()
                    + ": "
                    + fetch.progress());
        case FAILED -> throw missing(host.getValue(), endpoint, image, fetch.failure());
      }
    }
    if (!pulling.isEmpty()) {
      return StepOutcome.checkAgain(
          Duration.ofSeconds(2),
          "getting the image " + image + " (" + String.join("; ", pulling) + ")",
          properties.pullTimeout());
    }
    return StepOutcome.done();
  }

  private ComputeException missing(
      String host, EngineEndpoint endpoint, String image, String failure) {
    String how =
        offlineBuild.makes(image)
            ? offlineBuild.whyNot(endpoint) != null
                ? offlineBuild.whyNot(endpoint)
                : "see the build's output above"
            : "load it there (docker save "
                + image
                + " | docker -H "
                + endpoint.uri()
                + " load) or push it to a registry the host reaches and name that in the template";
    return new ComputeException(
        "Host '"
            + host
            + "' does not have the image "
            + image
            + " and could not get it ("
            + failure
            + "). To fix it: "
            + how
            + ", then an admin retries the workspace.",
        false);
  }
}
