package org.workspaceportal.workspace.template;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkspaceTemplateRepository extends JpaRepository<WorkspaceTemplate, UUID> {

  Optional<WorkspaceTemplate> findByName(String name);

  Optional<WorkspaceTemplate> findByIsDefaultTrue();

  List<WorkspaceTemplate> findAllByOrderByNameAsc();
}
