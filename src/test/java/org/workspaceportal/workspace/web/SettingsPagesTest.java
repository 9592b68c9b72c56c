package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import org.workspaceportal.workspace.quota.QuotaSetting;
import org.workspaceportal.workspace.quota.QuotaSettings;
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
  @Autowired QuotaSettings quotas;

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
            0,
            null);
    when(templates.list()).thenReturn(List.of(WorkspaceFixtures.defaultTemplate(), idle));
    when(quotas.current())
        .thenReturn(
            new QuotaSetting(new QuotaLimits(5, 16), new QuotaLimits(5, 16), false, null, null));

    String html = page("/admin/settings");
    String text = Html.text(html);

    assertThat(text)
        .contains("Expired workspaces are kept stopped for 14 days")
        .contains(
            "Everyone may have 5 live workspaces and 16 workers in all (the configured default),")
        .contains("spark-idle : after 120 minutes")
        .contains(WorkspaceFixtures.defaultTemplate().name() + " : never");
    assertThat(html)
        .contains("action=\"/admin/settings/expiry\"")
        .contains("href=\"/admin/templates/" + idle.id() + "/edit\"")
        .contains("class=\"dropdown-item active\" id=\"nav-settings\" href=\"/admin/settings\"");
    Html.assertEveryPostFormCarriesACsrfToken(html);
  }

  @Test
  void defaultQuotasAreSavedAndBadNumbersChangeNothing() throws Exception {
    when(quotas.set(8, 20, RealSecurityTestConfiguration.ADMIN))
        .thenReturn(
            new QuotaSetting(new QuotaLimits(8, 20), new QuotaLimits(5, 16), true, "root", null));

    var saved =
        mvc.perform(
                post("/admin/settings/quotas")
                    .with(root())
                    .with(csrf())
                    .param("maxWorkspaces", "8")
                    .param("maxWorkers", "20"))
            .andReturn();
    var bad =
        mvc.perform(
                post("/admin/settings/quotas")
                    .with(root())
                    .with(csrf())
                    .param("maxWorkspaces", "lots")
                    .param("maxWorkers", "20"))
            .andReturn();
    var asUser =
        mvc.perform(
                post("/admin/settings/quotas")
                    .with(user(RealSecurityTestConfiguration.USER).roles("USER"))
                    .with(csrf())
                    .param("maxWorkspaces", "99")
                    .param("maxWorkers", "99"))
            .andReturn();

    assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/settings");
    assertThat(saved.getFlashMap().get("flash"))
        .isEqualTo("Everyone without an override may now have 8 live workspaces and 20 workers.");
    assertThat(bad.getFlashMap().get("flashError"))
        .isEqualTo(
            "The default quotas were not saved. Enter whole numbers from 0 to 1000000 for both.");
    assertThat(asUser.getResponse().getStatus()).isEqualTo(403);
    verify(quotas, never()).set(99, 99, RealSecurityTestConfiguration.USER);
  }

  @Test
  void theAllWorkspacesPagePointsToSettingsInsteadOfHoldingTheBox() throws Exception {
    when(workspaces.list(any(), any(), any())).thenReturn(List.of());

    String html = page("/admin/workspaces");

    assertThat(html).doesNotContain("id=\"expiry-setting\"").contains("href=\"/admin/settings\"");
  }
}
