package org.workspaceportal.identity.web;

import jakarta.validation.Valid;
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
import org.workspaceportal.common.PortalException;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;

/** Admin page to create, disable and re-enable users and to override their quotas. */
@Controller
class AdminUserPageController {

  private final IdentityService identity;

  AdminUserPageController(IdentityService identity) {
    this.identity = identity;
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
      @RequestParam(required = false) Integer maxWorkspaces,
      @RequestParam(required = false) Integer maxWorkers,
      Authentication auth,
      RedirectAttributes redirect) {
    if ((maxWorkspaces != null && maxWorkspaces < 0) || (maxWorkers != null && maxWorkers < 0)) {
      redirect.addFlashAttribute("flashError", "Quotas cannot be negative.");
      return "redirect:/admin/users";
    }
    identity.setQuota(username, maxWorkspaces, maxWorkers, auth.getName());
    redirect.addFlashAttribute("flash", "Saved quota of '" + username + "'.");
    return "redirect:/admin/users";
  }

  private String page(Model model) {
    model.addAttribute("users", identity.listUsers());
    model.addAttribute("roles", Role.values());
    return "admin/users";
  }
}
