package org.workspaceportal.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.workspaceportal.common.ExternalSystemException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.OfflineImageBuild;
import org.workspaceportal.compute.PullStatus;

/**
 * Whether the workspace image the default template names ({@link OfflineImageBuild#IMAGE}) is on
 * each host that is up, for the Hosts page and the first-run checklist: asked of the engines when
 * the page is drawn, so it is never out of date.
 */
@Service
public class WorkspaceImages {

  /** Label the offline and production builds write: the exact tag the alias points at. */
  private static final String TAG_LABEL = "org.workspaceportal.image.tag";

  private static final String PYSPARK_LABEL = "org.workspaceportal.image.pyspark";

  private final HostService hosts;
  private final ContainerEngine engines;
  private final OfflineImageBuild offlineBuild;

  WorkspaceImages(HostService hosts, ContainerEngine engines, OfflineImageBuild offlineBuild) {
    this.hosts = hosts;
    this.engines = engines;
    this.offlineBuild = offlineBuild;
  }

  /**
   * The image on one host.
   *
   * @param state PRESENT, BUILDING (the portal's offline build runs there), MISSING, or UNKNOWN
   *     (the engine did not answer the question)
   * @param detail the exact tag when present ("workspace-portal/spark:4.0-f9f9df6347"), the build's
   *     progress when building, how to get it there when missing, why when unknown
   */
  public record ImageOnHost(String image, State state, String detail, boolean pySpark) {

    public enum State {
      PRESENT,
      BUILDING,
      MISSING,
      UNKNOWN
    }
  }

  /** The image on each of these hosts that takes workspaces; others are absent. */
  public Map<UUID, ImageOnHost> on(List<HostView> views) {
    Map<UUID, ImageOnHost> found = new LinkedHashMap<>();
    for (HostView h : views) {
      if (h.acceptsWorkspaces()) {
        found.put(h.id(), on(hosts.endpointOf(h.id())));
      }
    }
    return found;
  }

  private ImageOnHost on(EngineEndpoint endpoint) {
    String image = OfflineImageBuild.IMAGE;
    try {
      if (engines.hasImage(endpoint, image)) {
        Map<String, String> labels = engines.imageLabels(endpoint, image);
        return new ImageOnHost(
            image,
            ImageOnHost.State.PRESENT,
            labels.getOrDefault(TAG_LABEL, image),
            "true".equals(labels.get(PYSPARK_LABEL)));
      }
      PullStatus building = offlineBuild.running(endpoint);
      if (building != null) {
        return new ImageOnHost(image, ImageOnHost.State.BUILDING, building.progress(), false);
      }
      String why = offlineBuild.whyNot(endpoint);
      return new ImageOnHost(
          image,
          ImageOnHost.State.MISSING,
          why != null ? why : "the portal builds it on this host when the first workspace needs it",
          false);
    } catch (ExternalSystemException e) {
      return new ImageOnHost(image, ImageOnHost.State.UNKNOWN, e.getMessage(), false);
    }
  }
}
