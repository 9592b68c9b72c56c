package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.quota.QuotaLimits;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * Issue 23, item 8: Admin → Settings holds the expiry keep time (no longer a box under the
 * workspaces table), the default quotas and each template's idle stop, with where each is changed.
 */
@PageSliceTest
class SettingsPagesTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;

  private static RequestPostProcessor root() {
    return user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN", "USER");
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(root())).andReturn().getResponse().getContentAsString();
  }

  @Test
  void theSettingsPageHoldsExpiryQuotasAndIdleStop() throws Exception {
    TemplateView idle =
        new TemplateView(
            UUID.randomUUID(),
            "spark-idle",
            "Stops when idle",
            "workspace-portal/spark:4.0",
            "4.0.1",
            2,
            4,
            1,
            2048,
            false,
            true,
            true,
            120,
            0);
    when(templates.list()).thenReturn(List.of(WorkspaceFixtures.defaultTemplate(), idle));
    when(workspaces.defaultLimits()).thenReturn(new QuotaLimits(5, 16));

    String html = page("/admin/settings");
    String text = Html.text(html);

    assertThat(text)
        .contains("Expired workspaces are kept stopped for 14 days")
        .contains("Everyone may have 5 live workspaces and 16 workers in all.")
        .contains("spark-idle : after 120 minutes")
        .contains(WorkspaceFixtures.defaultTemplate().name() + " : never");
    assertThat(html)
        .contains("action=\"/admin/settings/expiry\"")
        .contains("href=\"/admin/templates/" + idle.id() + "/edit\"")
        .contains("class=\"dropdown-item active\" id=\"nav-settings\" href=\"/admin/settings\"");
    Html.assertEveryPostFormCarriesACsrfToken(html);
  }

  @Test
  void theAllWorkspacesPagePointsToSettingsInsteadOfHoldingTheBox() throws Exception {
    when(workspaces.list(any(), any(), any())).thenReturn(List.of());

    String html = page("/admin/workspaces");

    assertThat(html).doesNotContain("id=\"expiry-setting\"").contains("href=\"/admin/settings\"");
  }
}
