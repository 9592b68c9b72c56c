package org.workspaceportal.dockerruntime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.OfflineImageBuild;
import org.workspaceportal.compute.PullStatus;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.Placement;
import org.workspaceportal.workspace.runtime.Preparation;

/**
 * The image on every host a cluster uses: present, or pulled (or, for the embedded default's own
 * image, built by the offline build), or a failure saying which host lacks which image and how to
 * get it there.
 */
@Component
class ImagePreparation {

  private final HostService hosts;
  private final ContainerEngine engines;
  private final OfflineImageBuild offlineBuild;

  ImagePreparation(HostService hosts, ContainerEngine engines, OfflineImageBuild offlineBuild) {
    this.hosts = hosts;
    this.engines = engines;
    this.offlineBuild = offlineBuild;
  }

  Preparation prepare(String image, Collection<Placement> placements) {
    Map<UUID, String> hostNames = new LinkedHashMap<>();
    placements.forEach(p -> hostNames.put(p.hostId(), p.hostName()));
    List<String> fetching = new ArrayList<>();
    Map<String, String> labels = null;
    for (Map.Entry<UUID, String> host : hostNames.entrySet()) {
      EngineEndpoint endpoint = hosts.endpointOf(host.getKey());
      if (engines.hasImage(endpoint, image)) {
        if (labels == null) {
          labels = engines.imageLabels(endpoint, image); // one image: its labels on any host
        }
        continue;
      }
      boolean build = offlineBuild.makes(image) && offlineBuild.whyNot(endpoint) == null;
      PullStatus fetch = build ? offlineBuild.build(endpoint) : engines.pull(endpoint, image);
      switch (fetch.state()) {
        case DONE -> {}
        case RUNNING ->
            fetching.add(
                (build ? "building it on " : "pulling it on ")
                    + host.getValue()
                    + ": "
                    + fetch.progress());
        case FAILED -> throw missing(host.getValue(), endpoint, image, fetch.failure());
      }
    }
    return fetching.isEmpty()
        ? Preparation.ready(labels)
        : new Preparation("getting the image " + image + " (" + String.join("; ", fetching) + ")");
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
