package org.workspaceportal.workspace.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.Role;

/**
 * The hosts of a workspace's cluster that do not answer (down, or removed), from the last health
 * checks: what a move leaves behind, and whether the notebook's files can still be read before it
 * does. Asks no engine, so a page may ask it.
 */
@Component
public class SilentHosts {

  private final ClusterState state;
  private final ClusterRuntime runtime;

  SilentHosts(ClusterState state, ClusterRuntime runtime) {
    this.state = state;
    this.runtime = runtime;
  }

  /**
   * The silent hosts of a workspace's cluster.
   *
   * @param hosts their names, each once, sorted
   * @param notebookHost the silent host that holds the notebook (and its files since the last
   *     save); null when the notebook's host answers
   */
  public record Silence(List<String> hosts, String notebookHost) {

    public boolean notebookLost() {
      return notebookHost != null;
    }
  }

  /** Empty when every host of its cluster answers, or it has no cluster placed. */
  public Optional<Silence> of(UUID workspaceId) {
    if (!state.hasCluster(workspaceId)) {
      return Optional.empty();
    }
    Map<String, String> silent = runtime.silentPlaces(state.clusterId(workspaceId));
    if (silent.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Silence(
            silent.values().stream().distinct().sorted().toList(), silent.get(Role.NOTEBOOK)));
  }
}
