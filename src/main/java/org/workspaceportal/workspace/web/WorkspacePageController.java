package org.workspaceportal.workspace.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.common.PortalException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.Retention;
import org.workspaceportal.workspace.TemplateService;
import org.workspaceportal.workspace.TemplateView;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceView;

/** A user's own pages: the request form, "my workspaces" and a workspace's detail. */
@Controller
class WorkspacePageController {

  private final WorkspaceService workspaces;
  private final TemplateService templates;

  WorkspacePageController(WorkspaceService workspaces, TemplateService templates) {
    this.workspaces = workspaces;
    this.templates = templates;
  }

  @GetMapping("/workspaces")
  String list(Authentication auth, Model model) {
    CurrentUser user = CurrentUser.of(auth);
    model.addAttribute("workspaces", workspaces.list(new CurrentUser(user.username(), false), null, null));
    model.addAttribute("quota", workspaces.quotaOf(user.username()));
    return "workspaces/list";
  }

  @GetMapping("/workspaces/new")
  String form(Model model) {
    String defaultTemplate = templates.enabled().stream().filter(TemplateView::isDefault).map(TemplateView::name).findFirst().orElse(null);
    model.addAttribute("form", WorkspaceForm.empty(defaultTemplate));
    return formPage(model);
  }

  @PostMapping("/workspaces")
  String submit(
      @Valid @ModelAttribute("form") WorkspaceForm form,
      BindingResult errors,
      Authentication auth,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return formPage(model);
    }
    try {
      WorkspaceView created = workspaces.request(form.toRequest(), CurrentUser.of(auth));
      redirect.addFlashAttribute("flash", "Requested '" + created.name() + "'. An admin will review it.");
      return "redirect:/workspaces/" + created.id();
    } catch (InvalidWorkspaceRequestException e) {
      errors.rejectValue(e.field(), "invalid", e.fieldMessage());
    } catch (PortalException e) {
      errors.reject("rejected", e.getMessage());
    }
    return formPage(model);
  }

  @GetMapping("/workspaces/{id}")
  String detail(@PathVariable UUID id, Authentication auth, Model model) {
    model.addAttribute("ws", workspaces.get(id, CurrentUser.of(auth)));
    return "workspaces/detail";
  }

  @PostMapping("/workspaces/{id}/delete")
  String delete(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    WorkspaceView deleted = workspaces.delete(id, CurrentUser.of(auth));
    redirect.addFlashAttribute("flash", "Deleting '" + deleted.name() + "'.");
    return "redirect:/workspaces/" + id;
  }

  private String formPage(Model model) {
    model.addAttribute("templates", templates.enabled());
    model.addAttribute("retentions", Retention.values());
    return "workspaces/new";
  }
}
