package org.workspaceportal.workspace.lifetime;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkspaceSettingsRepository extends JpaRepository<WorkspaceSettings, Short> {

  /** The admin's value, or null for the default: one primary-key read, no entity loaded. */
  @Query("select s.keepStoppedForDays from WorkspaceSettings s where s.id = 1")
  Integer keepStoppedForDays();
}
