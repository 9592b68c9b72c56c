package org.workspaceportal.workspace.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.common.FlashMessages;
import org.workspaceportal.common.PlainText;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.lifetime.ExtensionService;

/**
 * The approval queues, the admin's (every request) and a team approver's ({@code /approvals}: her
 * teams' members' requests, not her own), and the list of every workspace. Both queues decide
 * through the same handlers; {@link WorkspaceService} checks who may decide what.
 */
@Controller
class AdminWorkspacePageController {

  private final WorkspaceService workspaces;
  private final ExtensionService extensions;

  AdminWorkspacePageController(WorkspaceService workspaces, ExtensionService extensions) {
    this.workspaces = workspaces;
    this.extensions = extensions;
  }

  @GetMapping("/admin/approvals")
  String approvals(Model model) {
    model.addAttribute("pending", workspaces.approvalQueue());
    model.addAttribute("extensions", extensions.pending());
    return "admin/approvals";
  }

  @GetMapping("/approvals")
  String teamApprovals(Authentication auth, Model model) {
    CurrentUser user = CurrentUser.of(auth);
    if (user.admin()) {
      return "redirect:/admin/approvals";
    }
    model.addAttribute("pending", workspaces.approvalQueueOf(user));
    model.addAttribute("approver", workspaces.approvesForATeam(user));
    return "workspaces/approvals";
  }

  @GetMapping("/admin/workspaces")
  String all(
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) WorkspaceStatus status,
      @RequestParam(defaultValue = "0") int refresh,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication auth,
      Model model) {
    List<WorkspaceView> found = workspaces.list(CurrentUser.of(auth), blankToNull(owner), status);
    model.addAttribute("workspaces", found);
    model.addAttribute("waiting", workspaces.waitingForRoom(found));
    model.addAttribute("superseded", Superseded.among(found));
    model.addAttribute("links", workspaces.linksOf(found, CurrentUser.of(auth)));
    model.addAttribute("owner", owner);
    model.addAttribute("status", status);
    model.addAttribute("statuses", WorkspaceStatus.values());
    model.addAttribute("refresh", ListRefresh.next(found, refresh));
    return htmx != null ? "admin/workspaces :: rows" : "admin/workspaces";
  }

  /**
   * Approves; back to the queue, or to the workspace's page when the admin decided there ({@code
   * from=workspace}).
   */
  @PostMapping({"/admin/workspaces/{id}/approve", "/approvals/{id}/approve"})
  String approve(
      @PathVariable UUID id,
      @RequestParam(required = false) String from,
      Authentication auth,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () -> {
          WorkspaceView ws = workspaces.approve(id, CurrentUser.of(auth));
          return "Approved '" + ws.name() + "' for " + ws.owner() + ".";
        });
    return back(id, from, request);
  }

  @PostMapping({"/admin/workspaces/{id}/reject", "/approvals/{id}/reject"})
  String reject(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(required = false) String from,
      Authentication auth,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    if (!PlainText.Validator.isPlain(reason)) {
      redirect.addFlashAttribute("flashError", "The reason " + PlainText.MESSAGE + ".");
      return back(id, from, request);
    }
    FlashMessages.attempt(
        redirect,
        () ->
            "Rejected '"
                + workspaces.reject(id, reason.strip(), CurrentUser.of(auth)).name()
                + "'.");
    return back(id, from, request);
  }

  /** Only these places: a redirect target taken from a request is never a free address. */
  private static String back(UUID id, String from, HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/approvals/")) {
      return "redirect:/approvals";
    }
    return "workspace".equals(from) ? "redirect:/workspaces/" + id : "redirect:/admin/approvals";
  }

  @PostMapping("/admin/workspaces/{id}/retry")
  String retry(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () -> "Queued '" + workspaces.retry(id, CurrentUser.of(auth)).name() + "' again.");
    return "redirect:/workspaces/" + id;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
