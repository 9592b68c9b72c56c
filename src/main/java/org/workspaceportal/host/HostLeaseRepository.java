package org.workspaceportal.host;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HostLeaseRepository extends JpaRepository<HostLease, Long> {

  /** Cores and memory held on one host. */
  record Usage(UUID hostId, long cpus, long memoryMb, long workspaces) {}

  @Query(
      "select new org.workspaceportal.host.HostLeaseRepository$Usage("
          + "l.hostId, sum(l.cpus), sum(l.memoryMb), count(distinct l.workspaceId)) "
          + "from HostLease l group by l.hostId")
  List<Usage> usageByHost();

  @Query("select count(distinct l.workspaceId) from HostLease l where l.hostId = :hostId")
  long countWorkspacesOnHost(UUID hostId);

  List<HostLease> findByWorkspaceId(UUID workspaceId);

  long deleteByWorkspaceId(UUID workspaceId);
}
