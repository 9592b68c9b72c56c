package org.workspaceportal.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a cluster test that stopped half-way leaves in the shared test database, put away so that
 * the tests after it start clean: the workspace is marked DELETED (else the reconciler would find
 * its containers gone and repair it, taking cores again), its cores, memory and ports are given
 * back, and its containers, volumes and network on the local engine are removed.
 */
public final class Leftovers {

  private static final String WORKSPACE_LABEL = "org.workspaceportal.workspace";

  private Leftovers() {}

  public static void remove(JdbcTemplate jdbc, UUID workspaceId) {
    jdbc.update(
        "update workspaces set status = 'DELETED' where id = ? and status <> 'DELETED'",
        workspaceId);
    // its cluster's id names and holds everything: the workspace's own, or a claimed pool cluster's
    List<UUID> ids = new ArrayList<>(List.of(workspaceId));
    ids.addAll(
        jdbc.queryForList(
            "select cluster_id from workspace_clusters where workspace_id = ?",
            UUID.class,
            workspaceId));
    for (UUID id : ids) {
      DockerCli.removeLabelled(WORKSPACE_LABEL + "=" + id);
      jdbc.update("delete from host_ports where workspace_id = ?", id);
      jdbc.update("delete from host_leases where workspace_id = ?", id);
      jdbc.update("delete from host_subnets where holder_id = ?", id);
      for (UUID left :
          jdbc.queryForList(
              "select holder_id from host_left_behind where cluster_id = ?", UUID.class, id)) {
        jdbc.update("delete from host_ports where workspace_id = ?", left);
        jdbc.update("delete from host_subnets where holder_id = ?", left);
        jdbc.update("delete from host_left_behind where holder_id = ?", left);
      }
    }
  }
}
