package org.workspaceportal.workspace;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TransitionRepository extends JpaRepository<Transition, Long> {

  List<Transition> findByWorkspaceIdOrderByIdAsc(UUID workspaceId);

  /** When the workspace last entered one of these statuses: where an operation began. */
  @Query(
      "select max(t.at) from Transition t where t.workspaceId = :workspaceId"
          + " and t.to in :statuses and (t.from is null or t.from not in :statuses)")
  Instant lastEntered(UUID workspaceId, Collection<WorkspaceStatus> statuses);

  /** How many times an actor moved the workspace into a status since an instant. */
  @Query(
      "select count(t) from Transition t where t.workspaceId = :workspaceId and t.to = :to"
          + " and t.actor = :actor and t.at > :since")
  long countMovesSince(UUID workspaceId, WorkspaceStatus to, String actor, Instant since);
}
