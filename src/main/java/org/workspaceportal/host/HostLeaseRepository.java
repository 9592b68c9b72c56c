package org.workspaceportal.host;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface HostLeaseRepository extends JpaRepository<HostLease, Long> {

  /** Cores and memory held on one host, by workspaces and by warm-pool clusters. */
  record Usage(UUID hostId, long cpus, long memoryMb, long workspaces, long poolClusters) {}

  @Query(
      "select new org.workspaceportal.host.HostLeaseRepository$Usage("
          + "l.hostId, sum(l.cpus), sum(l.memoryMb),"
          + " count(distinct case when l.pooled = false then l.workspaceId end),"
          + " count(distinct case when l.pooled = true then l.workspaceId end)) "
          + "from HostLease l group by l.hostId")
  List<Usage> usageByHost();

  /** A pool cluster claimed by a workspace: its leases count as a workspace's from now on. */
  @Modifying
  @Query(
      "update HostLease l set l.pooled = false where l.workspaceId = :holder and l.pooled = true")
  int unpool(UUID holder);

  List<HostLease> findByWorkspaceIdOrderByIdAsc(UUID workspaceId);

  @Query("select distinct l.workspaceId from HostLease l where l.hostId = :hostId")
  List<UUID> holdersOn(UUID hostId);

  /**
   * Serializes placements until the transaction ends (a PostgreSQL advisory lock), so two
   * placements at once, on any portal instance, cannot both take the last free core.
   */
  @Query(
      value = "select 1 from (select pg_advisory_xact_lock(hashtext('portal-host-placement'))) l",
      nativeQuery = true)
  Integer lockPlacements();

  long deleteByWorkspaceId(UUID workspaceId);

  long deleteByWorkspaceIdAndRole(UUID workspaceId, String role);
}
