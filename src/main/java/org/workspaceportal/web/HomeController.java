package org.workspaceportal.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  /** Admins land on the approval queue, where their work waits; everyone else on their list. */
  @GetMapping("/")
  String home(Authentication auth) {
    boolean admin =
        auth != null
            && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    return admin ? "redirect:/admin/approvals" : "redirect:/workspaces";
  }
}
