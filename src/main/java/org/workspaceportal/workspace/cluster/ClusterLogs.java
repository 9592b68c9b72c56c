package org.workspaceportal.workspace.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.common.ExternalSystemException;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.secrets.SecretCipher;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.data.WorkspaceStorageRepository;
import org.workspaceportal.workspace.runtime.ClusterRuntime;

/**
 * The recent log lines of a workspace's containers, for its owner and admins. The workspace's
 * secrets (Spark secret, Jupyter token, S3 secret key) are masked in every line: a daemon or a
 * user's job may print its configuration, and what the page shows must not leak them.
 */
@Service
public class ClusterLogs {

  /** The most lines one request may ask for. */
  public static final int MAX_LINES = 2000;

  /** The most lines a download gives: the whole log of any container that ran for days. */
  public static final int DOWNLOAD_LINES = 200_000;

  static final String MASK = "********";

  private final WorkspaceRepository workspaces;
  private final ClusterMemberRepository members;
  private final WorkspaceClusterRepository clusters;
  private final WorkspaceStorageRepository storage;
  private final ClusterRuntime runtime;
  private final SecretCipher cipher;
  private final TransactionTemplate tx;

  ClusterLogs(
      WorkspaceRepository workspaces,
      ClusterMemberRepository members,
      WorkspaceClusterRepository clusters,
      WorkspaceStorageRepository storage,
      ClusterRuntime runtime,
      SecretCipher cipher,
      TransactionTemplate tx) {
    this.workspaces = workspaces;
    this.members = members;
    this.clusters = clusters;
    this.storage = storage;
    this.runtime = runtime;
    this.cipher = cipher;
    this.tx = tx;
  }

  /**
   * The last {@code lines} lines of one container (1 to {@link #MAX_LINES}); 404 for a workspace
   * the user may not see or a role it has not.
   */
  public ContainerLog tail(UUID workspaceId, String role, int lines, CurrentUser user) {
    if (lines < 1 || lines > MAX_LINES) {
      throw new InvalidWorkspaceRequestException("lines", "must be between 1 and " + MAX_LINES);
    }
    return read(workspaceId, role, lines, user);
  }

  /**
   * The whole log of one container (up to {@link #DOWNLOAD_LINES} lines), secrets masked as on the
   * page: what "Download full log" gives.
   */
  public ContainerLog full(UUID workspaceId, String role, CurrentUser user) {
    return read(workspaceId, role, DOWNLOAD_LINES, user);
  }

  private ContainerLog read(UUID workspaceId, String role, int lines, CurrentUser user) {
    Target target = tx.execute(status -> target(workspaceId, role, user));
    String where = runtime.locations(target.clusterId()).get(role);
    if (where == null) {
      throw new NotFoundException("Container");
    }
    List<String> raw;
    try {
      raw = runtime.logs(target.clusterId(), role, lines);
    } catch (ExternalSystemException e) {
      raw = List.of("(the log cannot be read now: " + e.getMessage() + ")");
    }
    List<String> masked = new ArrayList<>(raw.size());
    for (String line : raw) {
      String clean = line;
      for (String secret : target.secrets()) {
        clean = clean.replace(secret, MASK);
      }
      masked.add(clean);
    }
    return new ContainerLog(role, where, target.state(), masked);
  }

  private record Target(UUID clusterId, String state, List<String> secrets) {}

  private Target target(UUID workspaceId, String role, CurrentUser user) {
    workspaces.findVisible(workspaceId, user);
    WorkspaceCluster cluster =
        clusters
            .findByWorkspaceId(workspaceId)
            .orElseThrow(() -> new NotFoundException("Container"));
    ClusterMember member =
        members
            .findById(new ClusterMember.Key(cluster.clusterId(), role))
            .orElseThrow(() -> new NotFoundException("Container"));
    List<String> secrets = new ArrayList<>();
    secrets.add(cipher.decrypt(cluster.sparkSecretCiphertext()));
    secrets.add(cipher.decrypt(cluster.jupyterTokenCiphertext()));
    storage
        .findById(workspaceId)
        .filter(s -> s.secretCiphertext() != null)
        .ifPresent(s -> secrets.add(cipher.decrypt(s.secretCiphertext())));
    return new Target(cluster.clusterId(), member.state(), secrets);
  }
}
