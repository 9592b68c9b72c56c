package org.workspaceportal.host.web;

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
import org.workspaceportal.common.PortalException;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.host.InvalidHostException;
import org.workspaceportal.host.WorkspaceImages;

@Controller
class AdminHostPageController {

  private final HostService hosts;
  private final WorkspaceImages images;

  AdminHostPageController(HostService hosts, WorkspaceImages images) {
    this.hosts = hosts;
    this.images = images;
  }

  @GetMapping("/admin/hosts")
  String list(Model model) {
    var all = hosts.list();
    model.addAttribute("hosts", all);
    model.addAttribute("anyUp", all.stream().anyMatch(HostView::acceptsWorkspaces));
    model.addAttribute("UP", HostStatus.UP);
    model.addAttribute("images", images.on(all));
    return "admin/hosts";
  }

  @GetMapping("/admin/hosts/new")
  String newForm(Model model) {
    model.addAttribute("form", HostForm.empty());
    return "admin/host-form";
  }

  @GetMapping("/admin/hosts/{id}/edit")
  String editForm(@PathVariable UUID id, Model model) {
    HostView host = hosts.get(id);
    model.addAttribute("form", HostForm.of(host));
    model.addAttribute("host", host);
    return "admin/host-form";
  }

  @PostMapping("/admin/hosts")
  String register(
      @ModelAttribute("form") HostForm form,
      BindingResult errors,
      Authentication auth,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        HostView host = hosts.register(form.toRegistration(), auth.getName());
        redirect.addFlashAttribute("flash", registeredMessage(host));
        return "redirect:/admin/hosts";
      } catch (InvalidHostException e) {
        e.errors().forEach(f -> errors.rejectValue(field(f.field()), "invalid", f.message()));
      } catch (PortalException e) {
        errors.reject("refused", e.getMessage());
      }
    }
    return "admin/host-form";
  }

  @PostMapping("/admin/hosts/{id}")
  String update(
      @PathVariable UUID id,
      @ModelAttribute("form") HostForm form,
      BindingResult errors,
      Authentication auth,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        HostView host = hosts.update(id, form.toRegistration(), auth.getName());
        redirect.addFlashAttribute("flash", "Saved host '" + host.name() + "'. " + state(host));
        return "redirect:/admin/hosts";
      } catch (InvalidHostException e) {
        e.errors().forEach(f -> errors.rejectValue(field(f.field()), "invalid", f.message()));
      }
    }
    model.addAttribute("host", hosts.get(id));
    return "admin/host-form";
  }

  @PostMapping("/admin/hosts/{id}/drained")
  String drain(
      @PathVariable UUID id,
      @RequestParam boolean drained,
      Authentication auth,
      RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () -> {
          HostView host = hosts.setDrained(id, drained, auth.getName());
          return drained
              ? "Drained '" + host.name() + "': it gets no new workspaces."
              : "'" + host.name() + "' takes new workspaces again.";
        });
    return "redirect:/admin/hosts";
  }

  @PostMapping("/admin/hosts/{id}/check")
  String check(@PathVariable UUID id, RedirectAttributes redirect) {
    HostView host = hosts.check(id);
    redirect.addFlashAttribute(
        host.status() == HostStatus.UP ? "flash" : "flashError",
        "'" + host.name() + "': " + state(host));
    return "redirect:/admin/hosts";
  }

  @PostMapping("/admin/hosts/{id}/remove")
  String remove(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () -> {
          String name = hosts.get(id).name();
          hosts.remove(id, auth.getName());
          return "Removed host '" + name + "'.";
        });
    return "redirect:/admin/hosts";
  }

  private static String registeredMessage(HostView host) {
    return "Registered host '" + host.name() + "'. " + state(host);
  }

  private static String state(HostView host) {
    return host.status() == HostStatus.UP
        ? "It is UP: engine " + host.engineVersion() + ", " + host.engineCpus() + " CPUs."
        : "It is " + host.status() + ": " + host.lastError();
  }

  /** The form's field for a registration field ({@code labels[0]} is the labels line). */
  private static String field(String registrationField) {
    return switch (registrationField) {
      case "name",
          "endpoint",
          "address",
          "labels",
          "cpus",
          "memoryMb",
          "portRangeStart",
          "portRangeEnd",
          "tlsCa",
          "tlsCert",
          "tlsKey" ->
          registrationField;
      default -> "endpoint";
    };
  }
}
