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
  void aTeamsStorageLimitCountsItsMembersBucketSizesAndRefusesABucketWithoutASize()
      throws Exception {
    CurrentUser alice = newUser("alice");
    CurrentUser bob = newUser("bob");
    String name = team();
    mvc.perform(
            post("/api/v1/admin/teams")
                .with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name": "%s", "members": "%s, %s", "maxStorageGiB": 10}
                    """
                        .formatted(name, alice.username(), bob.username())))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.maxStorageGiB").value(10));
    mvc.perform(
            post("/api/v1/admin/teams")
                .with(user("admin").roles("ADMIN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"%s\", \"maxStorageGiB\": -5}".formatted(team())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("maxStorageGiB"));
    TemplateView sized =
        templates.create(
            new TemplateForm(
                "ts-" + WorkspaceFixtures.uniqueName(),
                "6 GiB buckets",
                "workspace-portal/spark:4.0",
                "4.0.1",
                1,
                2,
                1,
                1024,
                null,
                null,
                6),
            "test");
    try {
      WorkspaceRequest ofSized =
          new WorkspaceRequest(
              WorkspaceFixtures.uniqueName(), null, sized.name(), null, null, null, null);
      assertThat(workspaces.request(ofSized, alice).bucketQuotaGiB()).isEqualTo(6);
      assertThat(workspaces.quotaOf(bob.username()).teams())
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.maxStorageGiB()).isEqualTo(10);
                assertThat(t.usedStorageGiB()).isEqualTo(6);
              });
      assertThatThrownBy(
              () ->
                  workspaces.request(
                      new WorkspaceRequest(
                          WorkspaceFixtures.uniqueName(),
                          null,
                          sized.name(),
                          null,
                          null,
                          null,
                          null),
                      bob))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("Quota of team " + name + " exceeded")
          .hasMessageContaining("at most 10 GiB together; they have 6 GiB")
          .hasMessageContaining("would add 6 GiB");
      assertThatThrownBy(
              () ->
                  workspaces.request(
                      WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), bob))
          .as("a bucket without a size cannot be counted against the team's limit")
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("this template's bucket has no size");
      // someone outside the team is not held back by it
      workspaces.request(
          WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), newUser("carol"));
      // raised: bob's fits
      mvc.perform(
              put("/api/v1/admin/teams/" + name)
                  .with(user("admin").roles("ADMIN"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"name\": \"%s\", \"members\": \"%s %s\", \"maxStorageGiB\": 12}"
                          .formatted(name, alice.username(), bob.username())))
          .andExpect(status().isOk());
      workspaces.request(
          new WorkspaceRequest(
              WorkspaceFixtures.uniqueName(), null, sized.name(), null, null, null, null),
          bob);
    } finally {
      templates.setEnabled(sized.id(), false, "test"); // out of other tests' forms
    }
  }

  @Test
  void aTeamsApproversDecideItsMembersRequestsButNotTheirOwnNorOthers() throws Exception {
    CurrentUser alice = newUser("alice");
    CurrentUser bob = newUser("bob");
    CurrentUser carol = newUser("carol");
    CurrentUser dave = newUser("dave");
    CurrentUser erin = newUser("erin");
    String name = team();
    String lead = "leads-" + name;
    teams.create(
        new TeamForm(
            name,
            null,
            alice.username() + ", " + bob.username(),
            null,
            null,
            null,
            carol.username() + " " + bob.username(),
            lead),
        "test");
    // erin approves through the provider group of her last sign-in
    jdbc.update(
        "insert into user_groups (user_id, group_name) select id, ? from users where username = ?",
        lead,
        erin.username());

    var ofAlice =
        workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), alice);
    var ofBob = workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), bob);
    var ofDave =
        workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), dave);

    assertThat(workspaces.approvalQueueOf(carol))
        .extracting(p -> p.workspace().id())
        .containsExactly(ofAlice.id(), ofBob.id());
    assertThat(workspaces.approvalQueueOf(bob))
        .as("not her own")
        .extracting(p -> p.workspace().id())
        .containsExactly(ofAlice.id());
    assertThat(workspaces.approvalQueueOf(dave)).isEmpty();

    // an approver of another team's member: not found; her own: refused in words
    mvc.perform(post("/api/v1/workspaces/" + ofDave.id() + "/approve").with(user(carol.username())))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/workspaces/" + ofBob.id() + "/approve").with(user(bob.username())))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("her own")));
    // someone who approves for no team: 403 before the id is even looked up
    mvc.perform(post("/api/v1/workspaces/" + ofAlice.id() + "/approve").with(user(dave.username())))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/workspaces/" + java.util.UUID.randomUUID() + "/approve")
                .with(user(dave.username())))
        .andExpect(status().isForbidden());

    mvc.perform(
            post("/api/v1/workspaces/" + ofAlice.id() + "/approve").with(user(carol.username())))
        .andExpect(status().isOk());
    assertThat(workspaces.get(ofAlice.id(), alice).status())
        .isIn(WorkspaceFixtures.APPROVED_OR_LATER);
    // no longer pending: to her as if not there; an admin is told why not
    mvc.perform(
            post("/api/v1/workspaces/" + ofAlice.id() + "/approve").with(user(carol.username())))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/workspaces/" + ofAlice.id() + "/approve")
                .with(user("admin").roles("ADMIN")))
        .andExpect(status().isConflict());
    assertThat(
            jdbc.queryForList(
                "select actor from audit_events where action = 'workspace.approved' and target = ?",
                String.class,
                alice.username() + "/" + ofAlice.name()))
        .containsExactly(carol.username());

    // erin, through her group, rejects bob's on her approvals page
    String page =
        mvc.perform(get("/approvals").with(user(erin.username())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(ofBob.name())
        .contains("/approvals/" + ofBob.id() + "/reject")
        .doesNotContain(ofDave.name())
        .contains("id=\"nav-team-approvals\"");
    mvc.perform(
            post("/approvals/" + ofBob.id() + "/reject")
                .with(user(erin.username()))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .param("reason", "use the shared one"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/approvals"));
    assertThat(workspaces.get(ofBob.id(), bob).status())
        .isEqualTo(org.workspaceportal.workspace.WorkspaceStatus.REJECTED);
    // someone who approves for no team sees no queue and no menu entry; the admin's pages stay
    // the admin's
    assertThat(
            mvc.perform(get("/approvals").with(user(dave.username())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("You approve for no team")
        .doesNotContain("nav-team-approvals");
    mvc.perform(get("/admin/approvals").with(user(carol.username())))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/workspaces/" + ofDave.id() + "/approve")
                .with(user(carol.username()))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isForbidden());
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
