package org.workspaceportal.workspace.health;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.runtime.Census;

/**
 * What the reconciler makes of a cluster's census. Pure functions, so the rules are tested without
 * a runtime.
 */
final class ClusterCensus {

  private ClusterCensus() {}

  /** The reason a DEGRADED workspace shows: what does not run, in words. */
  static String reason(List<Census.Absent> absent) {
    return "Not running: " + new Census(List.of(), List.of(), absent).absentInWords() + ".";
  }

  /**
   * Whether the cluster an id names is gone for good: unknown to the portal (never recorded, or its
   * record removed) or its workspace DELETED. A cluster of a workspace in any other status may own
   * things not yet recorded (mid-provisioning), so it is never gone.
   */
  static boolean gone(UUID clusterId, Map<UUID, WorkspaceStatus> known) {
    WorkspaceStatus status = known.get(clusterId);
    return status == null || status.isTerminal();
  }
}
