package org.workspaceportal.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.identity.AccountSessions;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.InvalidUserRequestException;
import org.workspaceportal.identity.NewPassword;

/** Everyone's own account: changing one's password (the user menu's "Change password"). */
@Controller
class AccountPageController {

  private static final String PAGE = "account/password";

  private final IdentityService identity;

  AccountPageController(IdentityService identity) {
    this.identity = identity;
  }

  @GetMapping("/account/password")
  String form(Model model) {
    model.addAttribute("form", new NewPassword("", ""));
    return PAGE;
  }

  @PostMapping("/account/password")
  String change(
      @RequestParam(required = false) String currentPassword,
      @Valid @ModelAttribute("form") NewPassword form,
      BindingResult errors,
      Authentication auth,
      HttpSession session,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    if (!errors.hasErrors()) {
      try {
        identity.changeOwnPassword(auth.getName(), currentPassword, form);
        AccountSessions.keep(session);
        redirect.addFlashAttribute(
            "flash", "Changed your password; your other browsers are signed out.");
        return "redirect:/workspaces";
      } catch (InvalidUserRequestException e) {
        if ("currentPassword".equals(e.field())) {
          model.addAttribute("currentPasswordError", e.fieldMessage());
        } else {
          errors.rejectValue(e.field(), "invalid", e.fieldMessage());
        }
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return PAGE;
  }
}
