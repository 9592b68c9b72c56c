package org.workspaceportal.workspace;

import java.util.List;

/**
 * A workspace's Spark cluster as people and scripts see it.
 *
 * @param notebookReady the notebook answers: the Jupyter link works (workers may still be joining)
 * @param links the owner's links (on the workspace's own origin on the gateway); null for anyone
 *     else
 * @param fromWarmPool its master and workers were taken from the template's warm pool, started
 *     before the approval
 * @param pySpark its image declares PySpark (a ready {@code spark} session in the notebook); else
 *     Spark runs from the notebook through {@code spark-submit}
 */
public record ClusterView(
    String image,
    int workersRequested,
    int workersAlive,
    boolean notebookReady,
    List<Member> members,
    Links links,
    boolean fromWarmPool,
    boolean pySpark) {

  /** How many workers have still to join. */
  public int workersJoining() {
    return Math.max(0, workersRequested - workersAlive);
  }

  /** One container: its role, the host it runs on, and what the engine last said of it. */
  public record Member(String role, String host, String state) {}

  /**
   * @param jupyter Jupyter's file list on the workspace's origin (no token: the portal's sign-in
   *     opens it)
   * @param sparkUi the Spark master's web UI on the same origin
   */
  public record Links(String jupyter, String sparkUi) {}
}
