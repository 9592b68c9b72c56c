package org.workspaceportal.testsupport;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a cluster test that stopped half-way leaves in the shared test database, put away so that
 * the tests after it start clean: the workspace is marked DELETED (else the reconciler would find
 * its containers gone and repair it, taking cores again), its cores, memory and ports are given
 * back, and its containers and volumes on the local engine are removed.
 */
public final class Leftovers {

  private static final String WORKSPACE_LABEL = "org.workspaceportal.workspace";

  private Leftovers() {}

  public static void remove(JdbcTemplate jdbc, UUID workspaceId) {
    jdbc.update(
        "update workspaces set status = 'DELETED' where id = ? and status <> 'DELETED'",
        workspaceId);
    DockerCli.removeLabelled(WORKSPACE_LABEL + "=" + workspaceId);
    jdbc.update("delete from host_ports where workspace_id = ?", workspaceId);
    jdbc.update("delete from host_leases where workspace_id = ?", workspaceId);
  }
}
