package org.workspaceportal.workspace.cluster;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.secrets.SecretCipher;

/**
 * The cluster steps' own record of a cluster and its members, each change in its own short
 * transaction (or the caller's); entities leave here detached.
 */
@Component
public class ClusterState {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WorkspaceClusterRepository clusters;
  private final ClusterMemberRepository members;
  private final SecretCipher cipher;
  private final Clock clock;

  ClusterState(
      WorkspaceClusterRepository clusters,
      ClusterMemberRepository members,
      SecretCipher cipher,
      Clock clock) {
    this.clusters = clusters;
    this.members = members;
    this.cipher = cipher;
    this.clock = clock;
  }

  /**
   * The workspace's cluster record, made the first time with the workspace's id and fresh secrets:
   * its own Spark RPC secret and Jupyter token, never shared with another workspace. A workspace
   * that claimed a pool cluster has its record already. The record is made under the id {@code
   * spare} gives, when it gives one (a spare pod adopted in this same transaction, whose network
   * and pod are named by it), else under the workspace's id.
   */
  @Transactional
  WorkspaceCluster ensureFor(UUID workspaceId, String image, Supplier<Optional<UUID>> spare) {
    return clusters
        .findByWorkspaceId(workspaceId)
        .orElseGet(
            () ->
                clusters.save(
                    new WorkspaceCluster(
                        spare.get().orElse(workspaceId),
                        workspaceId,
                        image,
                        cipher.encrypt(randomSecret()),
                        cipher.encrypt(randomSecret()),
                        clock.instant())));
  }

  /** A new warm-pool cluster's record: its own Spark secret, no workspace, no token. */
  @Transactional
  public WorkspaceCluster createForPool(UUID clusterId, String image) {
    return clusters.save(
        new WorkspaceCluster(
            clusterId, null, image, cipher.encrypt(randomSecret()), null, clock.instant()));
  }

  /**
   * In the caller's transaction: the pool cluster serves the workspace from now on, whose notebook
   * gets a fresh Jupyter token.
   */
  @Transactional
  public void claim(UUID clusterId, UUID workspaceId) {
    clusters
        .findById(clusterId)
        .orElseThrow()
        .claim(workspaceId, cipher.encrypt(randomSecret()), clock.instant());
  }

  /**
   * A new Jupyter token for the cluster's notebook, for its next start: a token that leaked (a
   * browser's history, a screen shared) is worthless once the notebook started again.
   */
  @Transactional
  void renewToken(UUID clusterId) {
    clusters
        .findById(clusterId)
        .ifPresent(c -> c.renewToken(cipher.encrypt(randomSecret()), clock.instant()));
  }

  /** Whether the workspace has a cluster record (made by its placement, or claimed). */
  @Transactional(readOnly = true)
  public boolean hasCluster(UUID workspaceId) {
    return clusters.findByWorkspaceId(workspaceId).isPresent();
  }

  /** The cluster of a step's subject: the one serving a workspace, or a pool cluster itself. */
  @Transactional(readOnly = true)
  Optional<WorkspaceCluster> clusterOf(UUID subjectId) {
    return clusters.findBySubject(subjectId);
  }

  /**
   * What names and labels the subject's cluster: its cluster's id, or the subject's own id when it
   * has no cluster record (yet, or any more).
   */
  @Transactional(readOnly = true)
  UUID clusterId(UUID subjectId) {
    return clusters.findBySubject(subjectId).map(WorkspaceCluster::clusterId).orElse(subjectId);
  }

  @Transactional(readOnly = true)
  List<ClusterMember> members(UUID clusterId) {
    return members.findByClusterId(clusterId);
  }

  /** Records the roles not recorded yet (as planned). */
  @Transactional
  void ensureMembers(UUID clusterId, Collection<String> roles) {
    for (String role : roles) {
      if (!members.existsById(new ClusterMember.Key(clusterId, role))) {
        members.save(new ClusterMember(clusterId, role, clock.instant()));
      }
    }
  }

  @Transactional
  void seen(UUID clusterId, String role, String handle, String state) {
    members
        .findById(new ClusterMember.Key(clusterId, role))
        .ifPresent(m -> m.seen(handle, state, clock.instant()));
  }

  /** What the cluster's image declared it offers, once it is on the hosts. */
  @Transactional
  void imagePrepared(UUID clusterId, boolean pySpark) {
    clusters.findById(clusterId).ifPresent(c -> c.imagePrepared(pySpark, clock.instant()));
  }

  @Transactional
  void notebookAnswered(UUID clusterId) {
    clusters.findById(clusterId).ifPresent(c -> c.notebookAnswered(clock.instant()));
  }

  @Transactional
  void workersAlive(UUID clusterId, int alive) {
    clusters.findById(clusterId).ifPresent(c -> c.workersAlive(alive, clock.instant()));
  }

  /** After a stop: nothing runs; the files and the room on the hosts stay. */
  @Transactional
  void stopped(UUID clusterId) {
    clusters.findById(clusterId).ifPresent(c -> c.stopped(clock.instant()));
    members.findByClusterId(clusterId).forEach(m -> m.seen(null, "stopped", clock.instant()));
  }

  /** A worker removed by a resize: no record of it stays. */
  @Transactional
  void forget(UUID clusterId, String role) {
    members.deleteById(new ClusterMember.Key(clusterId, role));
  }

  /** After teardown: nothing is left of it. */
  @Transactional
  void removed(UUID clusterId) {
    members.findByClusterId(clusterId).forEach(m -> m.seen(null, "removed", clock.instant()));
  }

  /**
   * A warm-pool cluster whose teardown ended: its record and members go (no workspace keeps it).
   */
  @Transactional
  public void delete(UUID clusterId) {
    clusters.findById(clusterId).filter(c -> c.workspaceId() == null).ifPresent(clusters::delete);
  }

  static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
