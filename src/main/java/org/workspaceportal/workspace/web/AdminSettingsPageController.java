package org.workspaceportal.workspace.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.lifetime.ExpirySetting;
import org.workspaceportal.workspace.lifetime.ExpirySettings;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * Admin → Settings: how long expired workspaces are kept stopped (changed here), and where the
 * default quotas and each template's idle stop are set.
 */
@Controller
class AdminSettingsPageController {

  private static final String DAYS_RULE =
      "Enter the number of days as a whole number from "
          + ExpirySetting.MIN_DAYS
          + " to "
          + ExpirySetting.MAX_DAYS
          + ".";

  private final ExpirySettings expirySettings;
  private final WorkspaceService workspaces;
  private final TemplateService templates;

  AdminSettingsPageController(
      ExpirySettings expirySettings, WorkspaceService workspaces, TemplateService templates) {
    this.expirySettings = expirySettings;
    this.workspaces = workspaces;
    this.templates = templates;
  }

  @GetMapping("/admin/settings")
  String settings(Model model) {
    model.addAttribute("expirySetting", expirySettings.current());
    model.addAttribute("limits", workspaces.defaultLimits());
    model.addAttribute("templates", templates.list());
    return "admin/settings";
  }

  /** Saves the number of days expired workspaces are kept stopped; bad input is a flash error. */
  @PostMapping("/admin/settings/expiry")
  String saveExpiry(
      @RequestParam(defaultValue = "") String keepStoppedForDays,
      Authentication auth,
      RedirectAttributes redirect) {
    String input = keepStoppedForDays.strip();
    Integer days = parseDays(input);
    if (days == null) {
      redirect.addFlashAttribute(
          "flashError",
          (input.isEmpty()
                  ? "The number of days is missing. "
                  : "That is not a whole number of days. ")
              + DAYS_RULE);
      redirect.addFlashAttribute("expiryDaysInput", clip(input));
      return "redirect:/admin/settings";
    }
    try {
      ExpirySetting saved =
          expirySettings.setKeepStoppedForDays(days, CurrentUser.of(auth).username());
      redirect.addFlashAttribute(
          "flash",
          "Expired workspaces are now kept stopped for "
              + saved.keepStoppedForText()
              + " before they are deleted.");
    } catch (InvalidWorkspaceRequestException refused) {
      redirect.addFlashAttribute("flashError", days + " days is out of range. " + DAYS_RULE);
      redirect.addFlashAttribute("expiryDaysInput", input);
    }
    return "redirect:/admin/settings";
  }

  /** Drops the saved value: the configured default applies again. */
  @PostMapping("/admin/settings/expiry/default")
  String expiryDefault(Authentication auth, RedirectAttributes redirect) {
    ExpirySetting now = expirySettings.useDefault(CurrentUser.of(auth).username());
    redirect.addFlashAttribute(
        "flash",
        "Expired workspaces are kept stopped for the default "
            + now.keepStoppedForText()
            + " again.");
    return "redirect:/admin/settings";
  }

  /** A whole number (also a large or negative one, which the range check then refuses), or null. */
  private static Integer parseDays(String input) {
    if (!input.matches("[+-]?\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(input);
  }

  private static String clip(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "…";
  }
}
