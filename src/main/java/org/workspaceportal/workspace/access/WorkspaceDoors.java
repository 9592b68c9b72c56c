package org.workspaceportal.workspace.access;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.secrets.SecretCipher;
import org.workspaceportal.workspace.Workspace;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.cluster.WorkspaceCluster;
import org.workspaceportal.workspace.cluster.WorkspaceClusterRepository;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.Endpoints;

/** Finds workspaces for the gateway: by id, or by the short id in their origin's host name. */
@Service
public class WorkspaceDoors {

  /**
   * The first 12 hex digits of the id: 48 bits, unique among any portal's workspaces in practice.
   */
  public static final int SHORT_ID_LENGTH = 12;

  private static final Pattern SHORT_ID = Pattern.compile("[0-9a-f]{" + SHORT_ID_LENGTH + "}");

  private final WorkspaceRepository workspaces;
  private final WorkspaceClusterRepository clusters;
  private final ClusterRuntime runtime;
  private final SecretCipher cipher;

  WorkspaceDoors(
      WorkspaceRepository workspaces,
      WorkspaceClusterRepository clusters,
      ClusterRuntime runtime,
      SecretCipher cipher) {
    this.workspaces = workspaces;
    this.clusters = clusters;
    this.runtime = runtime;
    this.cipher = cipher;
  }

  /** The short id of a workspace: its id's first 12 hex digits. */
  public static String shortId(UUID id) {
    return id.toString().substring(0, 8) + id.toString().substring(9, 13);
  }

  /**
   * The workspace whose id starts with {@code shortId}; empty when there is none, or (48 bits make
   * it unlikely) more than one.
   */
  @Transactional(readOnly = true)
  public Optional<WorkspaceDoor> byShortId(String shortId) {
    return find(shortId).map(this::door);
  }

  /**
   * Only who owns the workspace {@code shortId}: what the portal checks before it looks any further
   * (its cluster, its key).
   */
  @Transactional(readOnly = true)
  public Optional<String> ownerOf(String shortId) {
    return find(shortId).map(Workspace::owner);
  }

  private Optional<Workspace> find(String shortId) {
    String hex = shortId == null ? "" : shortId.toLowerCase(Locale.ROOT);
    if (!SHORT_ID.matcher(hex).matches()) {
      return Optional.empty();
    }
    String prefix = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-";
    List<Workspace> found =
        workspaces.findTop2ByIdBetween(
            UUID.fromString(prefix + "0000-0000-000000000000"),
            UUID.fromString(prefix + "ffff-ffff-ffffffffffff"));
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  @Transactional(readOnly = true)
  public Optional<WorkspaceDoor> byId(UUID id) {
    return workspaces.findById(id).map(this::door);
  }

  private WorkspaceDoor door(Workspace w) {
    String status = w.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    WorkspaceCluster cluster =
        running(w.status()) ? clusters.findByWorkspaceId(w.id()).orElse(null) : null;
    Endpoints endpoints =
        cluster == null || cluster.notebookReadyAt() == null
            ? null
            : runtime.endpoints(cluster.clusterId()).orElse(null);
    if (endpoints == null
        || endpoints.notebook() == null
        || cluster.jupyterTokenCiphertext() == null) {
      return new WorkspaceDoor(w.id(), w.name(), w.owner(), false, status, null, null, null, null);
    }
    return new WorkspaceDoor(
        w.id(),
        w.name(),
        w.owner(),
        true,
        status,
        endpoints.notebook(),
        endpoints.masterUi(),
        cipher.decrypt(cluster.jupyterTokenCiphertext()),
        cipher.decrypt(cluster.sparkSecretCiphertext()));
  }

  /** The statuses in which a workspace's cluster runs (its notebook may be answering). */
  private static boolean running(WorkspaceStatus status) {
    return switch (status) {
      case PROVISIONING, STARTING, MOVING, RESIZING, READY, DEGRADED, REPAIRING -> true;
      default -> false;
    };
  }
}
