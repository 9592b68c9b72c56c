package org.workspaceportal.workspace;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;

public interface WorkspaceRepository extends JpaRepository<Workspace, UUID> {

  /**
   * The workspace, if this user may see it (its owner, or an admin); otherwise "not found", the
   * same as for one that does not exist, so that nothing tells whether it does.
   */
  default Workspace findVisible(UUID id, CurrentUser user) {
    return findById(id)
        .filter(w -> user.mayAccess(w.owner()))
        .orElseThrow(() -> new NotFoundException("Workspace"));
  }

  List<Workspace> findByStatusOrderByCreatedAtAsc(WorkspaceStatus status);

  /** At most two workspaces whose ids lie between the two (a short id's range). */
  List<Workspace> findTop2ByIdBetween(UUID from, UUID to);

  long countByStatusEquals(WorkspaceStatus status);

  boolean existsByOwnerAndNameAndStatusIn(
      String owner, String name, Collection<WorkspaceStatus> statuses);

  /** How many workspaces an owner has in these statuses, and their workers together. */
  record Usage(long workspaces, long workers) {}

  @Query(
      "select new org.workspaceportal.workspace.WorkspaceRepository$Usage(count(w),"
          + " coalesce(sum(w.workers), 0L)) from Workspace w"
          + " where w.owner = :owner and w.status in :statuses")
  Usage usage(String owner, Collection<WorkspaceStatus> statuses);

  /** The same for several owners together (a team's members). */
  @Query(
      "select new org.workspaceportal.workspace.WorkspaceRepository$Usage(count(w),"
          + " coalesce(sum(w.workers), 0L)) from Workspace w"
          + " where w.owner in :owners and w.status in :statuses")
  Usage usageOfOwners(Collection<String> owners, Collection<WorkspaceStatus> statuses);

  /**
   * The bucket sizes of these owners' workspaces in these statuses together, in GiB, and of their
   * deleted ones whose bucket was made and kept (retention KEEP): a kept bucket still holds its
   * bytes on the array, so deleting with KEEP frees nothing of a team's storage limit (a request
   * deleted before it was approved never had a bucket).
   */
  @Query(
      "select coalesce(sum(w.bucketQuotaGiB), 0L) from Workspace w where w.owner in :owners"
          + " and (w.status in :statuses or (w.status ="
          + " org.workspaceportal.workspace.WorkspaceStatus.DELETED and w.retention ="
          + " org.workspaceportal.storage.Retention.KEEP and exists (select 1 from"
          + " org.workspaceportal.workspace.data.WorkspaceStorage s where s.workspaceId = w.id)))")
  long bucketGiBOfOwners(Collection<String> owners, Collection<WorkspaceStatus> statuses);

  @Query("select w.id from Workspace w where w.status in :statuses")
  List<UUID> findIdsByStatusIn(Collection<WorkspaceStatus> statuses);

  boolean existsByStatusInAndUpdatedAtAfter(Collection<WorkspaceStatus> statuses, Instant since);

  @Query(
      "select w.id from Workspace w where w.status in :statuses and w.expiresAt is not null and w.expiresAt < :now")
  List<UUID> findExpiredIds(Collection<WorkspaceStatus> statuses, Instant now);

  /** A READY workspace whose template stops it after {@code idleStopSeconds} without activity. */
  record IdleCandidate(UUID id, Integer idleStopSeconds) {}

  @Query(
      "select new org.workspaceportal.workspace.WorkspaceRepository$IdleCandidate(w.id,"
          + " t.idleStopSeconds) from Workspace w, WorkspaceTemplate t where t.id = w.templateId"
          + " and w.status = org.workspaceportal.workspace.WorkspaceStatus.READY"
          + " and t.cluster = true and t.idleStopSeconds is not null")
  List<IdleCandidate> findIdleStopCandidates();

  /**
   * Serializes quota checks of one owner until the transaction ends (a PostgreSQL advisory lock),
   * so two requests at once cannot both fit into the last free slot.
   */
  @Query(
      value = "select 1 from (select pg_advisory_xact_lock(hashtext(:owner))) l",
      nativeQuery = true)
  Integer lockOwner(String owner);

  /**
   * The same for a team's limits, which span several owners: taken after the owner's, teams in name
   * order, so two decisions for members of one team cannot both fit into its last free slot.
   */
  @Query(
      value = "select 1 from (select pg_advisory_xact_lock(hashtext('team:' || :team))) l",
      nativeQuery = true)
  Integer lockTeam(String team);

  /** How many requests of these owners wait for approval (an approver's count in the menu). */
  long countByStatusAndOwnerIn(WorkspaceStatus status, Collection<String> owners);

  /** How many workspaces are in one status. */
  record StatusCount(WorkspaceStatus status, long count) {}

  @Query(
      "select new org.workspaceportal.workspace.WorkspaceRepository$StatusCount(w.status, count(w))"
          + " from Workspace w group by w.status")
  List<StatusCount> countByStatus();

  /** How many workspaces in these statuses use one template. */
  record TemplateCount(UUID templateId, long count) {}

  @Query(
      "select new org.workspaceportal.workspace.WorkspaceRepository$TemplateCount(w.templateId,"
          + " count(w)) from Workspace w where w.status in :statuses group by w.templateId")
  List<TemplateCount> countByTemplate(Collection<WorkspaceStatus> statuses);

  @Query(
      "select w from Workspace w where (:owner is null or w.owner = :owner) "
          + "and (:status is null or w.status = :status) and (:includeDeleted = true or w.status <> 'DELETED') "
          + "order by w.createdAt desc")
  List<Workspace> search(String owner, WorkspaceStatus status, boolean includeDeleted);
}
