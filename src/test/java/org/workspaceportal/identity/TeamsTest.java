package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.quota.QuotaExceededException;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * Teams: made over REST by an admin (bad input a 400 naming the field), their limits on the members
 * together on top of each one's own, and templates open to named teams only. The single sign-on
 * test shows a team bound to a provider's group in the browser.
 */
@PortalIntegrationTest
class TeamsTest {

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired TeamService teams;
  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired JdbcTemplate jdbc;

  private CurrentUser newUser(String prefix) {
    String name = prefix + "-" + WorkspaceFixtures.uniqueName();
    identity.createUser(new NewUser(name, "password-123", Role.USER), "test");
    return new CurrentUser(name, false);
  }

  private static String team() {
    return "team-" + WorkspaceFixtures.uniqueName();
  }

  @Test
  void anAdminMakesChangesAndDeletesTeamsOverRestAndBadInputIsA400() throws Exception {
    CurrentUser alice = newUser("alice");
    String name = team();
    String body =
        """
        {"name": "%s", "ssoGroup": "data-science-%s", "members": "%s", "maxWorkspaces": 3}
        """
            .formatted(name, name, alice.username());
    mvc.perform(
            post("/api/v1/admin/teams")
                .with(user(alice.username()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/admin/teams")
                .with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.members[0]").value(alice.username()))
        .andExpect(jsonPath("$.maxWorkspaces").value(3));
    mvc.perform(
            post("/api/v1/admin/teams")
                .with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    mvc.perform(
            post("/api/v1/admin/teams")
                .with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"%s\", \"members\": \"nobody-such\"}".formatted(team())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("members"));
    mvc.perform(
            post("/api/v1/admin/teams")
                .with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Not A Name\", \"maxWorkers\": -1}"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            put("/api/v1/admin/teams/" + name)
                .with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"%s\", \"maxWorkers\": 4}".formatted(name)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.maxWorkers").value(4))
        .andExpect(jsonPath("$.members").isEmpty());
    mvc.perform(get("/api/v1/admin/teams/nope-" + name).with(user("admin").roles("ADMIN")))
        .andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/admin/teams/" + name).with(user("admin").roles("ADMIN")))
        .andExpect(status().isNoContent());
    assertThat(
            jdbc.queryForList(
                "select action from audit_events where target = ? order by id",
                String.class,
                "team " + name))
        .containsExactly("team.created", "team.changed", "team.deleted");
  }

  @Test
  void aTeamsLimitCountsItsMembersTogetherAndSaysSoInWords() {
    CurrentUser alice = newUser("alice");
    CurrentUser bob = newUser("bob");
    String name = team();
    teams.create(
        new TeamForm(name, null, alice.username() + ", " + bob.username(), 1, null), "test");

    workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), alice);
    assertThat(workspaces.quotaOf(bob.username()).teams())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.team()).isEqualTo(name);
              assertThat(t.usedWorkspaces()).isEqualTo(1);
            });
    assertThatThrownBy(
            () ->
                workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), bob))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("Quota of team " + name + " exceeded")
        .hasMessageContaining("at most 1 live workspaces together");
    // someone outside the team is not held back by it
    CurrentUser carol = newUser("carol");
    workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), carol);
  }

  @Test
  void aTemplateOpenToATeamIsOfferedAndGrantedToItsMembersOnly() {
    CurrentUser alice = newUser("alice");
    CurrentUser carol = newUser("carol");
    String name = team();
    teams.create(new TeamForm(name, null, alice.username(), null, null), "test");
    TemplateView template =
        templates.create(
            new TemplateForm(
                "tt-" + WorkspaceFixtures.uniqueName(),
                "for one team",
                "workspace-portal/spark:4.0",
                "4.0.1",
                1,
                2,
                1,
                1024),
            "test");
    assertThatThrownBy(() -> templates.setAudience(template.id(), List.of("no-such-team"), "test"))
        .isInstanceOf(InvalidWorkspaceRequestException.class)
        .hasMessageContaining("no such team");
    templates.setAudience(template.id(), List.of(name), "test");

    assertThat(templates.enabledFor(alice))
        .extracting(TemplateView::name)
        .contains(template.name());
    assertThat(templates.enabledFor(carol))
        .extracting(TemplateView::name)
        .doesNotContain(template.name());
    assertThat(templates.enabledFor(new CurrentUser("admin", true)))
        .extracting(TemplateView::name)
        .contains(template.name());
    WorkspaceRequest request =
        new WorkspaceRequest(
            WorkspaceFixtures.uniqueName(), null, template.name(), null, null, null, null);
    assertThatThrownBy(() -> workspaces.request(request, carol))
        .isInstanceOf(InvalidWorkspaceRequestException.class)
        .hasMessageContaining("open to the teams " + name + " only");
    workspaces.request(request, alice);

    templates.setAudience(template.id(), List.of(), "test");
    assertThat(templates.enabledFor(carol))
        .extracting(TemplateView::name)
        .contains(template.name());
    templates.setEnabled(template.id(), false, "test"); // out of other tests' forms
  }
}
