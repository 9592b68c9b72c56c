package org.workspaceportal.host;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostSubnetRepository extends JpaRepository<HostSubnet, HostSubnet.Key> {

  List<HostSubnet> findByHolderId(UUID holderId);

  List<HostSubnet> findByHostId(UUID hostId);

  long deleteByHolderId(UUID holderId);
}
