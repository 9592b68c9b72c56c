package org.workspaceportal.host;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostHealthRepository extends JpaRepository<HostHealth, UUID> {}
