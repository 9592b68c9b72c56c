package org.workspaceportal.workspace.data;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkspaceStorageRepository extends JpaRepository<WorkspaceStorage, UUID> {}
