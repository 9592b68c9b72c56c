package org.workspaceportal.audit.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.audit.AuditEntry;
import org.workspaceportal.audit.AuditService;

@RestController
@Tag(name = "Admin: audit")
class AuditApiController {

  private final AuditService audit;

  AuditApiController(AuditService audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/admin/audit")
  AuditPage list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) String action) {
    Page<AuditEntry> found = audit.page(page, size, action);
    return new AuditPage(
        found.getContent(),
        found.getNumber(),
        found.getSize(),
        found.getTotalElements(),
        found.getTotalPages());
  }

  record AuditPage(List<AuditEntry> items, int page, int size, long totalItems, int totalPages) {}
}
