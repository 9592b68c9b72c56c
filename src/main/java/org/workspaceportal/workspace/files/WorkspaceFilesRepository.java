package org.workspaceportal.workspace.files;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceFilesRepository extends JpaRepository<WorkspaceFiles, UUID> {}
