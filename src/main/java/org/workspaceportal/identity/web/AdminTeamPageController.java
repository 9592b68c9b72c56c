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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.common.PortalException;
import org.workspaceportal.identity.InvalidUserRequestException;
import org.workspaceportal.identity.TeamForm;
import org.workspaceportal.identity.TeamService;

/** Admin page for teams: who is in each (named, or through a provider's group) and its limits. */
@Controller
class AdminTeamPageController {

  private final TeamService teams;

  AdminTeamPageController(TeamService teams) {
    this.teams = teams;
  }

  @GetMapping("/admin/teams")
  String list(Model model) {
    if (!model.containsAttribute("newTeam")) {
      model.addAttribute("newTeam", new TeamForm("", "", "", null, null, null, "", ""));
    }
    model.addAttribute("teams", teams.list());
    return "admin/teams";
  }

  @PostMapping("/admin/teams")
  String create(
      @Valid @ModelAttribute("newTeam") TeamForm form,
      BindingResult errors,
      Authentication auth,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        teams.create(form, auth.getName());
        redirect.addFlashAttribute("flash", "Created team '" + form.name() + "'.");
        return "redirect:/admin/teams";
      } catch (InvalidUserRequestException e) {
        errors.rejectValue(e.field(), "invalid", e.fieldMessage());
      }
    }
    model.addAttribute("teams", teams.list());
    return "admin/teams";
  }

  @PostMapping("/admin/teams/{name}")
  String update(
      @PathVariable String name,
      @Valid @ModelAttribute TeamForm form,
      BindingResult errors,
      Authentication auth,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      redirect.addFlashAttribute(
          "flashError",
          "Team '"
              + name
              + "' not saved: "
              + errors.getFieldErrors().getFirst().getField()
              + " "
              + errors.getFieldErrors().getFirst().getDefaultMessage()
              + ".");
      return "redirect:/admin/teams";
    }
    try {
      teams.update(
          name,
          new TeamForm(
              name,
              form.ssoGroup(),
              form.members(),
              form.maxWorkspaces(),
              form.maxWorkers(),
              form.maxStorageGiB(),
              form.approvers(),
              form.approverGroup()),
          auth.getName());
      redirect.addFlashAttribute("flash", "Saved team '" + name + "'.");
    } catch (PortalException e) {
      redirect.addFlashAttribute(
          "flashError", "Team '" + name + "' not saved: " + e.getBody().getDetail());
    }
    return "redirect:/admin/teams";
  }

  @PostMapping("/admin/teams/{name}/delete")
  String delete(@PathVariable String name, Authentication auth, RedirectAttributes redirect) {
    teams.delete(name, auth.getName());
    redirect.addFlashAttribute("flash", "Deleted team '" + name + "'.");
    return "redirect:/admin/teams";
  }
}
