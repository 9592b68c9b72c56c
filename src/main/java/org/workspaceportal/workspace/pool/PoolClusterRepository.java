package org.workspaceportal.workspace.pool;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PoolClusterRepository extends JpaRepository<PoolCluster, UUID> {

  /**
   * The oldest READY pool cluster of the template started with these settings, locked until the
   * transaction ends; one another transaction has locked (a claim on another portal instance) is
   * skipped, never waited for and never returned twice.
   */
  @Query(
      value =
          "select * from pool_clusters where template_id = :templateId and state = 'READY'"
              + " and image = :image and workers = :workers and worker_cores = :cores"
              + " and worker_memory_mb = :memoryMb"
              + " order by created_at limit 1 for update skip locked",
      nativeQuery = true)
  Optional<PoolCluster> lockClaimable(
      UUID templateId, String image, int workers, int cores, int memoryMb);

  /** The pool cluster, locked, unless another transaction holds it (a claim under way). */
  @Query(
      value = "select * from pool_clusters where id = :id for update skip locked",
      nativeQuery = true)
  Optional<PoolCluster> lockIfFree(UUID id);

  List<PoolCluster> findAllByOrderByCreatedAtAsc();
}
