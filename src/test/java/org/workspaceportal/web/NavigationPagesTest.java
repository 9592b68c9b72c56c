package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.lifetime.ExtensionService;

/** The navigation shows where one is, and admins how many requests wait for them. */
@PageSliceTest
class NavigationPagesTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired ExtensionService extensions;
  @Autowired AuditService audit;

  private static RequestPostProcessor root() {
    return user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN", "USER");
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString();
  }

  @ParameterizedTest
  @CsvSource({
    "/workspaces, nav-workspaces",
    "/workspaces/new, nav-request",
    "/tokens, nav-tokens",
    "/admin/approvals, nav-approvals",
    "/admin/users, nav-users",
    "/admin/hosts, nav-hosts"
  })
  void theCurrentPageIsHighlightedInTheNavigation(String path, String id) throws Exception {
    when(audit.search(ArgumentMatchers.any(), ArgumentMatchers.anyInt(), ArgumentMatchers.anyInt()))
        .thenReturn(new PageImpl<>(List.of()));

    String html = page(path, root());

    assertThat(html)
        .containsPattern(
            "class=\"[^\"]*\\bactive\\b[^\"]*\" id=\""
                + id
                + "\"[^>]*aria-current=\"page\"|id=\""
                + id
                + "\"[^>]*class=\"[^\"]*active[^\"]*\"[^>]*aria-current=\"page\"");
    assertThat(html.split("aria-current=\"page\"", -1)).as("one current page").hasSize(2);
  }

  @Test
  void anAdminSeesHowManyRequestsWait() throws Exception {
    when(workspaces.pendingCount()).thenReturn(3L);

    String html = page("/workspaces", root());

    assertThat(html)
        .containsPattern("<span class=\"badge[^\"]*\" id=\"pending-count\"[^>]*>3</span>");
  }

  @Test
  void theCountIncludesRequestsForMoreTime() throws Exception {
    when(workspaces.pendingCount()).thenReturn(1L);
    when(extensions.pendingCount()).thenReturn(2L);

    assertThat(page("/workspaces", root()))
        .containsPattern("<span class=\"badge[^\"]*\" id=\"pending-count\"[^>]*>3</span>");
  }

  @Test
  void noCountIsShownWhenNothingWaits() throws Exception {
    when(workspaces.pendingCount()).thenReturn(0L);

    assertThat(page("/workspaces", root())).doesNotContain("id=\"pending-count\"");
  }

  @Test
  void aUserSeesNeitherTheAdminMenuNorTheCount() throws Exception {
    when(workspaces.pendingCount()).thenReturn(3L);

    String html = page("/workspaces", user(RealSecurityTestConfiguration.USER).roles("USER"));

    assertThat(html).doesNotContain("nav-approvals", "nav-admin", "pending-count");
    Mockito.verify(workspaces, Mockito.never()).pendingCount();
  }
}
