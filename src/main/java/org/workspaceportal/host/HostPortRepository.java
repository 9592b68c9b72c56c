package org.workspaceportal.host;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface HostPortRepository extends JpaRepository<HostPort, HostPort.Key> {

  List<HostPort> findByWorkspaceIdOrderByPortAsc(UUID workspaceId);

  long deleteByWorkspaceId(UUID workspaceId);

  long deleteByWorkspaceIdAndRole(UUID workspaceId, String role);

  /** Hands the holder's ports on one host to another holder (see {@link HostLeftBehind}). */
  @Modifying
  @Query(
      value =
          "update host_ports set workspace_id = :to where workspace_id = :holder"
              + " and host_id = :hostId",
      nativeQuery = true)
  int handOver(UUID holder, UUID hostId, UUID to);

  @Query("select distinct p.hostId from HostPort p where p.workspaceId = :holder")
  List<UUID> hostsOf(UUID holder);

  /**
   * {@code count} ports of the range that nobody holds on this address, the first ones at or after
   * {@code from} (wrapping round the end of the range).
   */
  @Query(
      value =
          "select p from generate_series(:first, :last) p"
              + " where not exists (select 1 from host_ports h where h.address = :address and h.port = p)"
              + " order by (p < :from), p limit :count",
      nativeQuery = true)
  List<Integer> freePorts(String address, int first, int last, int from, int count);
}
