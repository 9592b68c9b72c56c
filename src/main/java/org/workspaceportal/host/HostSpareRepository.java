package org.workspaceportal.host;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostSpareRepository extends JpaRepository<HostSpare, UUID> {

  List<HostSpare> findByHostIdOrderByCreatedAtAsc(UUID hostId);

  List<HostSpare> findAllByOrderByCreatedAtAsc();
}
