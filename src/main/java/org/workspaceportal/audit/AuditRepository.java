package org.workspaceportal.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditRepository extends JpaRepository<AuditEvent, Long> {

  Page<AuditEvent> findAllByOrderByIdDesc(Pageable pageable);

  Page<AuditEvent> findByActionOrderByIdDesc(String action, Pageable pageable);
}
