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

  /** What a storage-only template's form edits. */
  private static final java.util.Set<String> STORAGE_ONLY_FIELDS =
      java.util.Set.of("description", "bucketQuotaGiB");

  @GetMapping("/admin/templates")
  String list(Model model) {
    model.addAttribute("templates", templates.list());
    model.addAttribute("usage", templates.liveWorkspacesByTemplate());
    model.addAttribute("pools", pools.byTemplate());
    model.addAttribute("poolWhy", pools.whyShort(templates.list()));
    return "admin/templates";
  }

  @GetMapping("/admin/templates/new")
  String newForm(Model model) {
    TemplateForm form = TemplateForm.empty();
    model.addAttribute("form", form);
    addPoolCost(form, model);
    return "admin/template-form";
  }

  @GetMapping("/admin/templates/{id}/edit")
  String editForm(@PathVariable UUID id, Model model) {
    TemplateForm form = TemplateForm.of(templates.get(id));
    model.addAttribute("form", form);
    model.addAttribute("templateId", id);
    model.addAttribute("audience", String.join(", ", templates.audience(id)));
    model.addAttribute("storageOnly", !templates.get(id).cluster());
    addPoolCost(form, model);
    return "admin/template-form";
  }

  /** Opens the template to the named teams only, or (empty) to everyone. */
  @PostMapping("/admin/templates/{id}/teams")
  String audience(
      @PathVariable UUID id,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String teams,
      Authentication auth,
      RedirectAttributes redirect) {
    java.util.List<String> names =
        java.util.Arrays.stream(teams.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
    try {
      java.util.Set<String> open = templates.setAudience(id, names, auth.getName());
      redirect.addFlashAttribute(
          "flash",
          open.isEmpty()
              ? "The template is open to everyone."
              : "The template is open to " + String.join(", ", open) + " only.");
    } catch (org.workspaceportal.workspace.InvalidWorkspaceRequestException e) {
      redirect.addFlashAttribute("flashError", "Not saved: " + e.getBody().getDetail());
    }
    return "redirect:/admin/templates/" + id + "/edit";
  }

  /**
   * The form's cost line for the values being typed (htmx asks as they change). Values that are not
   * valid sizes give no cost, not an error: the form says what is wrong once it is sent.
   */
  @GetMapping("/admin/templates/pool-cost")
  String poolCost(
      @RequestParam(required = false) String poolSize,
      @RequestParam(required = false) String defaultWorkers,
      @RequestParam(required = false) String workerCores,
      @RequestParam(required = false) String workerMemoryMb,
      Model model) {
    Integer size = within(poolSize, 0, TemplateForm.MAX_POOL_SIZE);
    Integer workers = within(defaultWorkers, 1, 64);
    Integer cores = within(workerCores, 1, 64);
    Integer memory = within(workerMemoryMb, 256, 1048576);
    if (size != null && workers != null && cores != null && memory != null) {
      model.addAttribute("poolSize", size);
      model.addAttribute("poolCost", pools.cost(size, workers, cores, memory));
    }
    return "admin/template-form :: poolCost";
  }

  private void addPoolCost(TemplateForm form, Model model) {
    if (form.poolSize() != null
        && form.defaultWorkers() != null
        && form.workerCores() != null
        && form.workerMemoryMb() != null) {
      model.addAttribute("poolSize", form.poolSize());
      model.addAttribute(
          "poolCost",
          pools.cost(
              form.poolSize(), form.defaultWorkers(), form.workerCores(), form.workerMemoryMb()));
    }
  }

  private static Integer within(String value, int min, int max) {
    if (value == null || !value.strip().matches("\\d{1,7}")) {
      return null;
    }
    int n = Integer.parseInt(value.strip());
    return n < min || n > max ? null : n;
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
    // a storage-only template has no image, Spark version or workers: its form shows only the
    // description and the bucket size, and the rest is kept as it is
    boolean storageOnly = !templates.get(id).cluster();
    boolean invalid =
        storageOnly
            ? errors.getFieldErrors().stream()
                .anyMatch(e -> STORAGE_ONLY_FIELDS.contains(e.getField()))
            : errors.hasErrors();
    if (invalid) {
      model.addAttribute("templateId", id);
      model.addAttribute("storageOnly", storageOnly);
      model.addAttribute("audience", String.join(", ", templates.audience(id)));
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
