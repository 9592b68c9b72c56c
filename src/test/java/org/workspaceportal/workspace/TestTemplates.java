package org.workspaceportal.workspace;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test set-up, in every full-app test context (component scan): the storage-only template {@link
 * WorkspaceFixtures#STORAGE_TEMPLATE}, so that tests which request and approve workspaces without
 * wanting a Spark cluster launch none.
 */
@Component
class TestTemplates {

  private final JdbcTemplate jdbc;

  TestTemplates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void storageOnlyTemplate() {
    jdbc.update(
        "insert into workspace_templates (id, name, description, image, spark_version,"
            + " default_workers, max_workers, worker_cores, worker_memory_mb, is_default, enabled,"
            + " created_at, cluster)"
            + " values (gen_random_uuid(), ?, 'storage only, for tests', 'none', '-', 2, 4, 1, 256,"
            + " false, true, now(), false) on conflict (name) do nothing",
        WorkspaceFixtures.STORAGE_TEMPLATE);
  }
}
