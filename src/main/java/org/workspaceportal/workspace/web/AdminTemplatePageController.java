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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.common.FlashMessages;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.pool.WarmPoolViews;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

@Controller
class AdminTemplatePageController {

  private final TemplateService templates;
  private final WarmPoolViews pools;

  AdminTemplatePageController(TemplateService templates, WarmPoolViews pools) {
    this.templates = templates;
    this.pools = pools;
  }

  @GetMapping("/admin/templates")
  String list(Model model) {
    model.addAttribute("templates", templates.list());
    model.addAttribute("usage", templates.liveWorkspacesByTemplate());
    model.addAttribute("pools", pools.byTemplate());
    return "admin/templates";
  }

  @GetMapping("/admin/templates/new")
  String newForm(Model model) {
    model.addAttribute("form", TemplateForm.empty());
    return "admin/template-form";
  }

  @GetMapping("/admin/templates/{id}/edit")
  String editForm(@PathVariable UUID id, Model model) {
    model.addAttribute("form", TemplateForm.of(templates.get(id)));
    model.addAttribute("templateId", id);
    return "admin/template-form";
  }

  @PostMapping("/admin/templates")
  String create(
      @Valid @ModelAttribute("form") TemplateForm form,
      BindingResult errors,
      Authentication auth,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        TemplateView t = templates.create(form, auth.getName());
        redirect.addFlashAttribute("flash", "Created template '" + t.name() + "'.");
        return "redirect:/admin/templates";
      } catch (InvalidWorkspaceRequestException e) {
        errors.rejectValue(e.field(), "invalid", e.fieldMessage());
      }
    }
    return "admin/template-form";
  }

  @PostMapping("/admin/templates/{id}")
  String update(
      @PathVariable UUID id,
      @Valid @ModelAttribute("form") TemplateForm form,
      BindingResult errors,
      Authentication auth,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      model.addAttribute("templateId", id);
      return "admin/template-form";
    }
    TemplateView t = templates.update(id, form, auth.getName());
    redirect.addFlashAttribute("flash", "Saved template '" + t.name() + "'.");
    return "redirect:/admin/templates";
  }

  @PostMapping("/admin/templates/{id}/enabled")
  String enable(
      @PathVariable UUID id,
      @RequestParam boolean enabled,
      Authentication auth,
      RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () ->
            (enabled ? "Enabled '" : "Disabled '")
                + templates.setEnabled(id, enabled, auth.getName()).name()
                + "'.");
    return "redirect:/admin/templates";
  }

  @PostMapping("/admin/templates/{id}/default")
  String makeDefault(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () -> "'" + templates.makeDefault(id, auth.getName()).name() + "' is now the default.");
    return "redirect:/admin/templates";
  }
}
