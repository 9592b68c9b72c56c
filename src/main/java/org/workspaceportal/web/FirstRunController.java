package org.workspaceportal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.WorkspaceImages;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.workspace.WorkspaceService;

/** The admin's first-run checklist, where an admin lands until a fresh portal is ready. */
@Controller
class FirstRunController {

  private final FirstRun firstRun;

  FirstRunController(
      HostService hosts,
      WorkspaceImages images,
      IdentityService identity,
      WorkspaceService workspaces) {
    this.firstRun = new FirstRun(hosts, images, identity, workspaces);
  }

  @GetMapping("/admin/first-run")
  String checklist(Model model) {
    var items = firstRun.items();
    model.addAttribute("items", items);
    model.addAttribute("allDone", items.stream().allMatch(FirstRun.Item::done));
    return "admin/first-run";
  }
}
