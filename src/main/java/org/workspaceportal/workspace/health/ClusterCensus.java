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
   * Each role's state in a word for the container table: what the runtime said of an absent one
   * ("exited", "vanished"), "unknown" where its place cannot be asked, else "running".
   */
  static java.util.Map<String, String> states(List<String> roles, Census census) {
    java.util.Map<String, String> states = new java.util.LinkedHashMap<>();
    roles.forEach(r -> states.put(r, census.unreachable().isEmpty() ? "running" : "unknown"));
    census.absent().forEach(a -> states.put(a.role(), a.what()));
    return states;
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
