package org.workspaceportal.workspace.web;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.common.FlashMessages;
import org.workspaceportal.common.PlainText;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.lifetime.ExtensionService;
import org.workspaceportal.workspace.lifetime.ExtensionView;

/** Asking for more time on a workspace's page, and an admin's decision on the approvals page. */
@Controller
class ExtensionPageController {

  private final ExtensionService extensions;

  ExtensionPageController(ExtensionService extensions) {
    this.extensions = extensions;
  }

  /**
   * The new expiry comes from a {@code datetime-local} field, read as UTC like the request form.
   */
  @PostMapping("/workspaces/{id}/extension")
  String request(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String expiresAt,
      @RequestParam(defaultValue = "") String reason,
      Authentication auth,
      RedirectAttributes redirect) {
    LocalDateTime until;
    try {
      until = LocalDateTime.parse(expiresAt.strip());
    } catch (DateTimeParseException e) {
      redirect.addFlashAttribute(
          "flashError", "The new expiry must be a date and time (UTC), e.g. 2030-01-31T18:00.");
      return "redirect:/workspaces/" + id;
    }
    if (!PlainText.Validator.isPlain(reason)) {
      redirect.addFlashAttribute("flashError", "The reason " + PlainText.MESSAGE + ".");
      return "redirect:/workspaces/" + id;
    }
    FlashMessages.attempt(
        redirect,
        () -> {
          ExtensionView asked =
              extensions.request(id, until.toInstant(ZoneOffset.UTC), reason, CurrentUser.of(auth));
          return "Asked for more time for '" + asked.workspace() + "'; an admin decides.";
        });
    return "redirect:/workspaces/" + id;
  }

  @PostMapping("/admin/extensions/{id}/approve")
  String approve(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () -> {
          ExtensionView e = extensions.approve(id, CurrentUser.of(auth));
          return "Extended '" + e.workspace() + "' of " + e.owner() + ".";
        });
    return "redirect:/admin/approvals";
  }

  @PostMapping("/admin/extensions/{id}/reject")
  String reject(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      Authentication auth,
      RedirectAttributes redirect) {
    if (!PlainText.Validator.isPlain(reason)) {
      redirect.addFlashAttribute("flashError", "The reason " + PlainText.MESSAGE + ".");
      return "redirect:/admin/approvals";
    }
    FlashMessages.attempt(
        redirect,
        () ->
            "Rejected more time for '"
                + extensions.reject(id, reason.strip(), CurrentUser.of(auth)).workspace()
                + "'.");
    return "redirect:/admin/approvals";
  }
}
