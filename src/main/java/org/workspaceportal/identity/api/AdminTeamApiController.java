package org.workspaceportal.identity.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.identity.TeamForm;
import org.workspaceportal.identity.TeamService;
import org.workspaceportal.identity.TeamView;

/** The Teams page's twin: teams, their members (named or through a group) and their limits. */
@RestController
@RequestMapping("/api/v1/admin/teams")
@Tag(name = "Admin: teams")
class AdminTeamApiController {

  private final TeamService teams;

  AdminTeamApiController(TeamService teams) {
    this.teams = teams;
  }

  @GetMapping
  List<TeamView> list() {
    return teams.list();
  }

  @GetMapping("/{name}")
  TeamView get(@PathVariable String name) {
    return teams.find(name).orElseThrow(() -> new TeamService.UnknownTeamException(name));
  }

  @PostMapping
  ResponseEntity<TeamView> create(@Valid @RequestBody TeamForm body, Authentication auth) {
    TeamView made = teams.create(body, auth.getName());
    return ResponseEntity.created(URI.create("/api/v1/admin/teams/" + made.name())).body(made);
  }

  /** Changes everything but the name (the body's name must be the path's). */
  @PutMapping("/{name}")
  TeamView update(
      @PathVariable String name, @Valid @RequestBody TeamForm body, Authentication auth) {
    if (!name.equals(body.name())) {
      throw new org.workspaceportal.identity.InvalidUserRequestException(
          "name", "must be the team's name, '" + name + "' (a team keeps its name)");
    }
    return teams.update(name, body, auth.getName());
  }

  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(@PathVariable String name, Authentication auth) {
    teams.delete(name, auth.getName());
    return ResponseEntity.noContent().build();
  }
}
