package org.workspaceportal.workspace.web;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.common.PortalException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceNameTakenException;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.quota.Quota;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * The request form: limits that follow the chosen template, the user's quota and what the request
 * adds to it, names already taken, and "Request again" pre-filled from a rejected request.
 */
@Controller
class RequestPageController {

  private final WorkspaceService workspaces;
  private final TemplateService templates;
  private final SpringValidatorAdapter validator;
  private final Clock clock;

  RequestPageController(
      WorkspaceService workspaces, TemplateService templates, Validator validator, Clock clock) {
    this.workspaces = workspaces;
    this.templates = templates;
    this.validator = new SpringValidatorAdapter(validator);
    this.clock = clock;
  }

  @GetMapping("/workspaces/new")
  String form(@RequestParam(required = false) UUID from, Authentication auth, Model model) {
    CurrentUser user = CurrentUser.of(auth);
    List<TemplateView> enabled = templates.enabledFor(CurrentUser.of(auth));
    WorkspaceForm form = WorkspaceForm.empty(defaultTemplate(enabled));
    if (from != null) {
      WorkspaceView old = workspaces.get(from, new CurrentUser(user.username(), false));
      form = prefilled(old, enabled, form.template());
      if (old.status() == WorkspaceStatus.REJECTED) {
        model.addAttribute("again", old);
      }
    }
    model.addAttribute("form", form);
    return formPage(form, enabled, user, model);
  }

  @PostMapping("/workspaces")
  String submit(
      @ModelAttribute("form") WorkspaceForm form,
      BindingResult errors,
      Authentication auth,
      Model model,
      RedirectAttributes redirect) {
    List<TemplateView> enabled = templates.enabledFor(CurrentUser.of(auth));
    WorkspaceRequest request = form.toRequest();
    TemplateView chosen = chosen(form, enabled);
    if (chosen != null
        && request.workers() != null
        && request.workers() > chosen.maxWorkers()
        && !errors.hasFieldErrors("workers")) {
      // the template's limit first: the API's absolute ceiling would only contradict it
      errors.rejectValue(
          "workers",
          "template-max",
          "must be at most " + chosen.maxWorkers() + " for template '" + chosen.name() + "'");
    }
    // the API's rules, reported on the form's fields (they have the same names)
    validator.validate(request, errors);
    CurrentUser user = CurrentUser.of(auth);
    if (!errors.hasErrors()) {
      try {
        WorkspaceView created = workspaces.request(request, user);
        redirect.addFlashAttribute(
            "flash", "Requested '" + created.name() + "'. An admin will review it.");
        return "redirect:/workspaces/" + created.id();
      } catch (InvalidWorkspaceRequestException e) {
        errors.rejectValue(e.field(), "invalid", e.fieldMessage());
      } catch (WorkspaceNameTakenException e) {
        errors.rejectValue("name", "taken", e.getMessage());
      } catch (PortalException e) {
        errors.reject("rejected", e.getMessage());
      }
    }
    return formPage(form, enabled, user, model);
  }

  private String formPage(
      WorkspaceForm form, List<TemplateView> enabled, CurrentUser user, Model model) {
    TemplateView selected = chosen(form, enabled);
    Quota quota = workspaces.quotaOf(user.username());
    model.addAttribute("templates", enabled);
    model.addAttribute("selected", selected);
    model.addAttribute("retentions", Retention.values());
    model.addAttribute("quota", quota);
    Map<String, Integer> room = new HashMap<>();
    enabled.forEach(t -> room.put(t.name(), workspaces.roomNowUpTo(t.id())));
    model.addAttribute("roomUpTo", room);
    model.addAttribute(
        "summary",
        RequestSummary.of(
            selected,
            form.workers(),
            quota,
            selected == null ? -1 : room.getOrDefault(selected.name(), -1)));
    model.addAttribute("takenNames", takenNames(user));
    return "workspaces/new";
  }

  /** The names of the user's live workspaces, as a JSON array for the form's script. */
  private String takenNames(CurrentUser user) {
    // names are [a-z0-9-] by the request's own rule, so quoting is all the escaping they need
    return workspaces.list(new CurrentUser(user.username(), false), null, null).stream()
        .filter(w -> w.status().isLive())
        .map(w -> "\"" + w.name() + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** A new request like {@code old}; its template if still offered, its expiry if still ahead. */
  private WorkspaceForm prefilled(
      WorkspaceView old, List<TemplateView> enabled, String defaultTemplate) {
    boolean offered = enabled.stream().anyMatch(t -> t.name().equals(old.template()));
    LocalDateTime expiry =
        old.expiresAt() != null && old.expiresAt().isAfter(clock.instant())
            ? LocalDateTime.ofInstant(old.expiresAt(), ZoneOffset.UTC)
            : null;
    return new WorkspaceForm(
        old.name(),
        old.description(),
        offered ? old.template() : defaultTemplate,
        offered ? old.workers() : null,
        old.datahub(),
        old.retention(),
        expiry);
  }

  private static TemplateView chosen(WorkspaceForm form, List<TemplateView> enabled) {
    String name =
        form.template() == null || form.template().isBlank()
            ? defaultTemplate(enabled)
            : form.template();
    return enabled.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  private static String defaultTemplate(List<TemplateView> enabled) {
    return enabled.stream()
        .filter(TemplateView::isDefault)
        .map(TemplateView::name)
        .findFirst()
        .orElse(enabled.isEmpty() ? null : enabled.get(0).name());
  }
}
