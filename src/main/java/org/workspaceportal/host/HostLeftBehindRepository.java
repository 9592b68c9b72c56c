package org.workspaceportal.host;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostLeftBehindRepository extends JpaRepository<HostLeftBehind, UUID> {

  List<HostLeftBehind> findByHostId(UUID hostId);

  List<HostLeftBehind> findByClusterId(UUID clusterId);
}
