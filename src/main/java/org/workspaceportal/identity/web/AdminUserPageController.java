package org.workspaceportal.identity.web;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.common.FlashMessages;
import org.workspaceportal.common.PortalException;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewPassword;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;

/**
 * Admin page to create, disable and re-enable users, change their role, set a new password for one
 * who lost theirs, and override their quotas.
 */
@Controller
class AdminUserPageController {

  private final IdentityService identity;
  private final MessageSource messages;

  AdminUserPageController(IdentityService identity, MessageSource messages) {
    this.identity = identity;
    this.messages = messages;
  }

  @GetMapping("/admin/users")
  String list(Model model) {
    if (!model.containsAttribute("newUser")) {
      model.addAttribute("newUser", new NewUser("", "", Role.USER));
    }
    return page(model);
  }

  @PostMapping("/admin/users")
  String create(
      @Valid @ModelAttribute("newUser") NewUser newUser,
      BindingResult errors,
      Authentication auth,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        identity.createUser(newUser, auth.getName());
        redirect.addFlashAttribute("flash", "Created user '" + newUser.username() + "'.");
        return "redirect:/admin/users";
      } catch (PortalException e) {
        errors.rejectValue("username", "taken", e.getMessage());
      }
    }
    return page(model);
  }

  @PostMapping("/admin/users/{username}/enabled")
  String enable(
      @PathVariable String username,
      @RequestParam boolean enabled,
      Authentication auth,
      RedirectAttributes redirect) {
    if (!enabled && username.equals(auth.getName())) {
      redirect.addFlashAttribute("flashError", "You cannot disable your own account.");
      return "redirect:/admin/users";
    }
    identity.setEnabled(username, enabled, auth.getName());
    redirect.addFlashAttribute("flash", (enabled ? "Enabled '" : "Disabled '") + username + "'.");
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}/quota")
  String quota(
      @PathVariable String username,
      @ModelAttribute QuotaForm form,
      BindingResult errors,
      Authentication auth,
      Locale locale,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      redirect.addFlashAttribute(
          "flashError",
          errors.getFieldErrors().stream()
              .map(e -> QuotaForm.label(e.getField()) + " " + messages.getMessage(e, locale) + ".")
              .collect(Collectors.joining(" ")));
      return "redirect:/admin/users";
    }
    FlashMessages.attempt(
        redirect,
        () -> {
          identity.setQuota(username, form.maxWorkspaces(), form.maxWorkers(), auth.getName());
          return "Saved quota of '" + username + "'.";
        });
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}/role")
  String role(
      @PathVariable String username,
      @RequestParam(required = false) String role,
      Authentication auth,
      RedirectAttributes redirect) {
    Role chosen = "ADMIN".equals(role) ? Role.ADMIN : ("USER".equals(role) ? Role.USER : null);
    FlashMessages.attempt(
        redirect,
        () ->
            "'"
                + identity.setRole(username, chosen, auth.getName()).username()
                + "' is now "
                + (chosen == Role.ADMIN ? "an admin" : "a user")
                + "; their open browser sessions sign in again.");
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}/password")
  String resetPassword(
      @PathVariable String username,
      @Valid @ModelAttribute NewPassword form,
      BindingResult errors,
      Authentication auth,
      Locale locale,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      redirect.addFlashAttribute(
          "flashError",
          "The new password for '"
              + username
              + "' was not set: "
              + errors.getAllErrors().stream()
                  .map(e -> messages.getMessage(e, locale))
                  .distinct()
                  .collect(Collectors.joining("; "))
              + ".");
      return "redirect:/admin/users";
    }
    FlashMessages.attempt(
        redirect,
        () -> {
          identity.resetPassword(username, form, auth.getName());
          return "Set a new password for '"
              + username
              + "'; their open browser sessions sign in again. Tell them the password"
              + " another way than by mail, and to change it from their user menu.";
        });
    return "redirect:/admin/users";
  }

  /** The quota overrides as the users page posts them; empty means "the default". */
  record QuotaForm(Integer maxWorkspaces, Integer maxWorkers) {

    static String label(String field) {
      return "maxWorkspaces".equals(field) ? "Max workspaces" : "Max workers";
    }
  }

  private String page(Model model) {
    model.addAttribute("users", identity.listUsers());
    model.addAttribute("roles", Role.values());
    return "admin/users";
  }
}
