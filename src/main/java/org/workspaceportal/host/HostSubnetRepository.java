package org.workspaceportal.host;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface HostSubnetRepository extends JpaRepository<HostSubnet, HostSubnet.Key> {

  List<HostSubnet> findByHolderId(UUID holderId);

  List<HostSubnet> findByHostId(UUID hostId);

  long deleteByHolderId(UUID holderId);

  /** Hands the holder's subnet on one host to another holder (see {@link HostLeftBehind}). */
  @Modifying
  @Query(
      value =
          "update host_subnets set holder_id = :to where holder_id = :holder"
              + " and host_id = :hostId",
      nativeQuery = true)
  int handOver(UUID holder, UUID hostId, UUID to);
}
