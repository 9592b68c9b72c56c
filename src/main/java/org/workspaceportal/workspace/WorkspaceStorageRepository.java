package org.workspaceportal.workspace;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceStorageRepository extends JpaRepository<WorkspaceStorage, UUID> {}
