package org.workspaceportal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.InvalidUserRequestException;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.identity.TeamForm;
import org.workspaceportal.identity.TeamService;
import org.workspaceportal.identity.TeamView;

/** The admin's Teams page. */
@PageSliceTest
class TeamPagesTest {

  @Autowired MockMvc mvc;
  @Autowired TeamService teams;

  @Test
  void theTeamsPageShowsMembersNowAndTheLimitsForAdminsOnly() throws Exception {
    when(teams.list())
        .thenReturn(
            List.of(
                new TeamView(
                    "data-science",
                    "ds-group",
                    List.of("bob"),
                    4,
                    null,
                    500,
                    Set.of("ada", "bob"),
                    List.of("carol"),
                    "ds-leads")));
    String html =
        mvc.perform(
                get("/admin/teams").with(user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(Html.text(html)).contains("data-science", "2", "ada, bob");
    assertThat(html)
        .containsPattern("name=\"ssoGroup\"[^>]*value=\"ds-group\"")
        .containsPattern("name=\"maxWorkspaces\"[^>]*value=\"4\"")
        .containsPattern("name=\"maxStorageGiB\"[^>]*value=\"500\"")
        .containsPattern("name=\"approvers\"[^>]*value=\"carol\"")
        .containsPattern("name=\"approverGroup\"[^>]*value=\"ds-leads\"");
    mvc.perform(get("/admin/teams").with(user(RealSecurityTestConfiguration.USER).roles("USER")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aNewTeamWithAnUnknownMemberStaysOnThePageSayingWhy() throws Exception {
    when(teams.create(any(), any()))
        .thenThrow(new InvalidUserRequestException("members", "has no such user: nobody"));
    String html =
        mvc.perform(
                post("/admin/teams")
                    .with(user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN"))
                    .with(csrf())
                    .param("name", "physics")
                    .param("members", "nobody"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(Html.text(html)).contains("has no such user: nobody");

    mvc.perform(
            post("/admin/teams")
                .with(user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN"))
                .with(csrf())
                .param("name", "Not a name")
                .param("maxWorkers", "-2"))
        .andExpect(status().isOk());
  }

  @Test
  void savingATeamKeepsItsName() throws Exception {
    mvc.perform(
            post("/admin/teams/physics")
                .with(user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN"))
                .with(csrf())
                .param("name", "physics")
                .param("ssoGroup", "phys")
                .param("maxWorkers", "8")
                .param("maxStorageGiB", "100")
                .param("approvers", "carol, dan")
                .param("approverGroup", "phys-leads"))
        .andExpect(redirectedUrl("/admin/teams"))
        .andExpect(flash().attribute("flash", "Saved team 'physics'."));
    verify(teams)
        .update(
            eq("physics"),
            eq(new TeamForm("physics", "phys", null, null, 8, 100, "carol, dan", "phys-leads")),
            any());
  }
}
