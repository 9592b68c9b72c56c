package org.workspaceportal.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.WorkspaceImages;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.workspace.WorkspaceService;

@Controller
class HomeController {

  private final FirstRun firstRun;

  HomeController(
      HostService hosts,
      WorkspaceImages images,
      IdentityService identity,
      WorkspaceService workspaces) {
    this.firstRun = new FirstRun(hosts, images, identity, workspaces);
  }

  /**
   * Admins land on the first-run checklist while a fresh portal still lacks a host, the image, a
   * template or its people; then on the approval queue, where their work waits. Everyone else on
   * their list.
   */
  @GetMapping("/")
  String home(Authentication auth) {
    boolean admin =
        auth != null
            && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    if (!admin) {
      return "redirect:/workspaces";
    }
    return firstRun.done() ? "redirect:/admin/approvals" : "redirect:/admin/first-run";
  }
}
