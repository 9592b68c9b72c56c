package org.workspaceportal.workspace.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.lifetime.ExpirySetting;
import org.workspaceportal.workspace.lifetime.ExpirySettings;
import org.workspaceportal.workspace.quota.QuotaSetting;
import org.workspaceportal.workspace.quota.QuotaSettings;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * Admin → Settings: how long expired workspaces are kept stopped and the default quotas (both
 * changed here), and each template's idle stop (changed on the template).
 */
@Controller
class AdminSettingsPageController {

  private static final String DAYS_RULE =
      "Enter the number of days as a whole number from "
          + ExpirySetting.MIN_DAYS
          + " to "
          + ExpirySetting.MAX_DAYS
          + ".";

  private static final String QUOTA_RULE =
      "Enter whole numbers from 0 to " + IdentityService.MAX_QUOTA + " for both.";

  private final ExpirySettings expirySettings;
  private final QuotaSettings quotaSettings;
  private final TemplateService templates;

  AdminSettingsPageController(
      ExpirySettings expirySettings, QuotaSettings quotaSettings, TemplateService templates) {
    this.expirySettings = expirySettings;
    this.quotaSettings = quotaSettings;
    this.templates = templates;
  }

  @GetMapping("/admin/settings")
  String settings(Model model) {
    model.addAttribute("expirySetting", expirySettings.current());
    model.addAttribute("quotaSetting", quotaSettings.current());
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
    Integer days = parseWholeNumber(input);
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

  /** Saves both default quotas; bad input is a flash error and changes nothing. */
  @PostMapping("/admin/settings/quotas")
  String saveQuotas(
      @RequestParam(defaultValue = "") String maxWorkspaces,
      @RequestParam(defaultValue = "") String maxWorkers,
      Authentication auth,
      RedirectAttributes redirect) {
    Integer workspaces = parseWholeNumber(maxWorkspaces.strip());
    Integer workers = parseWholeNumber(maxWorkers.strip());
    if (workspaces == null || workers == null) {
      redirect.addFlashAttribute("flashError", "The default quotas were not saved. " + QUOTA_RULE);
      return "redirect:/admin/settings";
    }
    try {
      QuotaSetting saved = quotaSettings.set(workspaces, workers, CurrentUser.of(auth).username());
      redirect.addFlashAttribute(
          "flash", "Everyone without an override may now have " + inWords(saved) + ".");
    } catch (InvalidWorkspaceRequestException refused) {
      redirect.addFlashAttribute("flashError", "The default quotas were not saved. " + QUOTA_RULE);
    }
    return "redirect:/admin/settings";
  }

  /** Drops the saved default quotas: the configured ones apply again. */
  @PostMapping("/admin/settings/quotas/configured")
  String quotasConfigured(Authentication auth, RedirectAttributes redirect) {
    QuotaSetting now = quotaSettings.useConfigured(CurrentUser.of(auth).username());
    redirect.addFlashAttribute(
        "flash", "The configured default quotas apply again: " + inWords(now) + ".");
    return "redirect:/admin/settings";
  }

  private static String inWords(QuotaSetting q) {
    return q.applies().maxWorkspaces()
        + " live workspaces and "
        + q.applies().maxWorkers()
        + " workers";
  }

  /** A whole number (also a large or negative one, which the range check then refuses), or null. */
  private static Integer parseWholeNumber(String input) {
    if (!input.matches("[+-]?\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(input);
  }

  private static String clip(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "…";
  }
}
