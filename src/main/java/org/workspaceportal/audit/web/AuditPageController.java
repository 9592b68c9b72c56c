package org.workspaceportal.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workspaceportal.audit.AuditService;

@Controller
class AuditPageController {

  private final AuditService audit;

  AuditPageController(AuditService audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  String list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) String action,
      Model model) {
    model.addAttribute("entries", audit.page(page, 50, action));
    model.addAttribute("action", action);
    return "admin/audit";
  }
}
