package org.workspaceportal.dockerruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.Html;
import org.workspaceportal.PortalIntegrationTest;

/**
 * The Hosts page says whether the workers' scratch volumes have a size: with the default {@code
 * local} driver and no options (this test context's settings) they have none, and the page warns.
 */
@PortalIntegrationTest
class ScratchSpaceNoteTest {

  @Autowired MockMvc mvc;

  @Test
  void theDefaultLocalDriverIsShownAsUnsizedOnTheHostsPage() throws Exception {
    String html =
        mvc.perform(get("/admin/hosts").with(user("admin").roles("ADMIN")))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).containsPattern("class=\"[^\"]*alert-warning[^\"]*\" id=\"scratch-space\"");
    assertThat(Html.text(html))
        .contains("Docker volumes of the driver local")
        .contains("without a size limit")
        .contains("a worker's shuffle can fill its host's disk");
  }

  @Test
  void optionsNamingASizeCountAsSized() {
    assertThat(ScratchSpaceNote.of("local", Map.of()).sized()).isFalse();
    assertThat(ScratchSpaceNote.of("local", Map.of("type", "xfs")).sized()).isFalse();
    assertThat(
            ScratchSpaceNote.of("local", Map.of("type", "tmpfs", "o", "size=20g,uid=1080")).sized())
        .isTrue();
    assertThat(ScratchSpaceNote.of("pure", Map.of("size", "100G")).sized()).isTrue();
  }
}
