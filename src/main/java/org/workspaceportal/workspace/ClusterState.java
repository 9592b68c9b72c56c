package org.workspaceportal.workspace;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.Placement;
import org.workspaceportal.secrets.SecretCipher;

/**
 * The cluster steps' own record of a workspace's cluster and containers, each change in its own
 * short transaction; entities leave here detached.
 */
@Component
class ClusterState {

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
   * The cluster's record, made with fresh secrets the first time: its own Spark RPC secret and
   * Jupyter token, never shared with another workspace.
   */
  @Transactional
  WorkspaceCluster ensure(UUID workspaceId, String image, List<Placement> placements) {
    WorkspaceCluster cluster =
        clusters
            .findById(workspaceId)
            .orElseGet(
                () ->
                    clusters.save(
                        new WorkspaceCluster(
                            workspaceId,
                            workspaceId,
                            image,
                            cipher.encrypt(randomSecret()),
                            cipher.encrypt(randomSecret()),
                            clock.instant())));
    for (Placement p : placements) {
      if (!members.existsById(new ClusterMember.Key(workspaceId, p.role()))) {
        members.save(
            new ClusterMember(
                workspaceId,
                p.role(),
                p.hostId(),
                SparkContainers.name(cluster.clusterId(), p.role()),
                clock.instant()));
      }
    }
    return cluster;
  }

  @Transactional(readOnly = true)
  Optional<WorkspaceCluster> cluster(UUID workspaceId) {
    return clusters.findById(workspaceId);
  }

  /**
   * What names and labels the workspace's containers: its cluster's id, or the workspace's own id
   * when it has no cluster record (yet, or any more).
   */
  @Transactional(readOnly = true)
  UUID clusterId(UUID workspaceId) {
    return clusters.findById(workspaceId).map(WorkspaceCluster::clusterId).orElse(workspaceId);
  }

  @Transactional(readOnly = true)
  List<ClusterMember> members(UUID workspaceId) {
    return members.findByWorkspaceId(workspaceId);
  }

  @Transactional
  void seen(UUID workspaceId, String role, String containerId, String state) {
    members
        .findById(new ClusterMember.Key(workspaceId, role))
        .ifPresent(m -> m.seen(containerId, state, clock.instant()));
  }

  @Transactional
  void notebookAnswered(UUID workspaceId) {
    clusters.findById(workspaceId).ifPresent(c -> c.notebookAnswered(clock.instant()));
  }

  @Transactional
  void workersAlive(UUID workspaceId, int alive) {
    clusters.findById(workspaceId).ifPresent(c -> c.workersAlive(alive, clock.instant()));
  }

  /** After a stop: the containers are gone, the volumes and leases stay. */
  @Transactional
  void stopped(UUID workspaceId) {
    clusters.findById(workspaceId).ifPresent(c -> c.stopped(clock.instant()));
    members.findByWorkspaceId(workspaceId).forEach(m -> m.seen(null, "stopped", clock.instant()));
  }

  /** A worker removed by a resize: no record of it stays. */
  @Transactional
  void forget(UUID workspaceId, String role) {
    members.deleteById(new ClusterMember.Key(workspaceId, role));
  }

  /** After teardown: the containers are gone. */
  @Transactional
  void removed(UUID workspaceId) {
    members.findByWorkspaceId(workspaceId).forEach(m -> m.seen(null, "removed", clock.instant()));
  }

  static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
