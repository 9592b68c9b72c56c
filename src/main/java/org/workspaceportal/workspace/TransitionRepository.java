package org.workspaceportal.workspace;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TransitionRepository extends JpaRepository<Transition, Long> {

  List<Transition> findByWorkspaceIdOrderByIdAsc(UUID workspaceId);
}
