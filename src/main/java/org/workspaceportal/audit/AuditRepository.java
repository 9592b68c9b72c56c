package org.workspaceportal.audit;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditRepository
    extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

  /** Every action recorded so far, for the audit page's list to pick from. */
  @Query("select distinct e.action from AuditEvent e order by e.action")
  List<String> distinctActions();

  Page<AuditEvent> findAllByOrderByIdDesc(Pageable pageable);

  Page<AuditEvent> findByActionOrderByIdDesc(String action, Pageable pageable);
}
