package org.workspaceportal.workspace.quota;

import org.springframework.data.jpa.repository.JpaRepository;

interface QuotaDefaultsRepository extends JpaRepository<QuotaDefaults, Short> {}
