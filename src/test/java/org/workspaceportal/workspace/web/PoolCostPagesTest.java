package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.workspace.pool.WarmPoolViews;
import org.workspaceportal.workspace.runtime.Footprint;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * Issue 23, item 5: the template form says what its warm pool costs (cores, memory, share of the
 * hosts) as the sizes are typed, and the Templates page says why a pool holds fewer ready clusters
 * than its size.
 */
@PageSliceTest
class PoolCostPagesTest {

  @Autowired MockMvc mvc;
  @Autowired TemplateService templates;
  @Autowired WarmPoolViews pools;

  private static RequestPostProcessor root() {
    return user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN", "USER");
  }

  private static TemplateView pooled(int poolSize, boolean enabled) {
    return new TemplateView(
        UUID.randomUUID(),
        "pooled",
        "Kept warm",
        "workspace-portal/spark:4.0",
        "4.0.1",
        2,
        4,
        1,
        2048,
        false,
        enabled,
        true,
        null,
        poolSize,
        null);
  }

  private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(root())).andReturn().getResponse();
  }

  @Test
  void theEditFormSaysWhatThePoolHoldsAndWhichShareOfTheHostsThatIs() throws Exception {
    TemplateView t = pooled(2, true);
    when(templates.get(t.id())).thenReturn(t);
    when(pools.cost(2, 2, 1, 2048)).thenReturn(new Footprint(4, 10240, 8, 32768));

    String html = perform(get("/admin/templates/" + t.id() + "/edit")).getContentAsString();

    assertThat(Html.text(html))
        .contains(
            "Holds 4 cores and 10.0 GB on the hosts at all times : 50 % of their cores and 31 % of"
                + " their memory (2 clusters of a master and the default workers).");
    assertThat(html)
        .contains("hx-get=\"/admin/templates/pool-cost\"")
        .doesNotContain("alert alert-warning py-2");
  }

  @Test
  void aPoolTakingMostOfTheHostsIsAWarning() throws Exception {
    when(pools.cost(1, 4, 4, 8192)).thenReturn(new Footprint(16, 40960, 16, 65536));

    MockHttpServletResponse r =
        perform(
            get("/admin/templates/pool-cost")
                .param("poolSize", "1")
                .param("defaultWorkers", "4")
                .param("workerCores", "4")
                .param("workerMemoryMb", "8192"));

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("alert alert-warning py-2");
    assertThat(Html.text(r.getContentAsString()))
        .contains("Holds 16 cores and 40.0 GB on the hosts at all times : 100 % of their cores")
        .contains("That leaves little room for people's workspaces");
  }

  @Test
  void noPoolOrSizesBeingTypedShowNoCostAndNoError() throws Exception {
    for (String[] params :
        List.of(
            new String[] {"", "2", "1", "2048"},
            new String[] {"2", "abc", "1", "2048"},
            new String[] {"2", "2", "1", "12"},
            new String[] {"99999999999", "2", "1", "2048"})) {
      MockHttpServletResponse r =
          perform(
              get("/admin/templates/pool-cost")
                  .param("poolSize", params[0])
                  .param("defaultWorkers", params[1])
                  .param("workerCores", params[2])
                  .param("workerMemoryMb", params[3]));

      assertThat(r.getStatus()).as(String.join(",", params)).isEqualTo(200);
      assertThat(r.getContentAsString()).contains("id=\"pool-cost\"").doesNotContain("Holds");
    }
    verify(pools, never()).cost(anyInt(), anyInt(), anyInt(), anyInt());
    when(pools.cost(0, 2, 1, 2048)).thenReturn(new Footprint(0, 0, 8, 32768));
    assertThat(
            perform(
                    get("/admin/templates/pool-cost")
                        .param("poolSize", "0")
                        .param("defaultWorkers", "2")
                        .param("workerCores", "1")
                        .param("workerMemoryMb", "2048"))
                .getContentAsString())
        .as("no pool, no cost")
        .doesNotContain("Holds");
  }

  @Test
  void aUserMayNotAskWhatAPoolCosts() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                get("/admin/templates/pool-cost")
                    .param("poolSize", "1")
                    .with(user(RealSecurityTestConfiguration.USER).roles("USER")))
            .andReturn()
            .getResponse();

    assertThat(r.getStatus()).isEqualTo(403);
  }

  @Test
  void theTemplatesPageSaysWhyAPoolIsShort() throws Exception {
    TemplateView t = pooled(1, true);
    when(templates.list()).thenReturn(List.of(t));
    when(pools.whyShort(List.of(t)))
        .thenReturn(
            Map.of(
                t.id(),
                "Not refilled while a workspace waits for room on the hosts: pools give way to"
                    + " people's workspaces."));

    String text = Html.text(perform(get("/admin/templates")).getContentAsString());

    assertThat(text)
        .contains(
            "Warm pool: 0 of 1 ready Not refilled while a workspace waits for room on the hosts");
  }
}
