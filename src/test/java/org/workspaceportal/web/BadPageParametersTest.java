package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;

/** A page asked for with a parameter it cannot read says what is wrong, not "nothing here". */
@PageSliceTest
class BadPageParametersTest {

  @Autowired MockMvc mvc;

  private MockHttpServletResponse asAdmin(String path) throws Exception {
    return mvc.perform(get(path).with(user("root").roles("ADMIN", "USER")))
        .andReturn()
        .getResponse();
  }

  @Test
  void anAuditPageNumberThatIsNotANumberIsABadRequestThatSaysSo() throws Exception {
    MockHttpServletResponse response = asAdmin("/admin/audit?page=abc");

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(Html.text(response.getContentAsString()))
        .contains("&#39;abc&#39; is not a valid page: it must be a whole number.")
        .doesNotContain("nothing at this address");
  }

  @Test
  void anUnknownStatusFilterNamesTheStatusesThereAre() throws Exception {
    MockHttpServletResponse response = asAdmin("/admin/workspaces?status=BOGUS");

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(Html.text(response.getContentAsString()))
        .contains(
            "&#39;BOGUS&#39; is not a valid status: choose one of PENDING_APPROVAL,", "DELETED.");
  }

  @Test
  void aMalformedIdInThePathIsStillNotFound() throws Exception {
    assertThat(asAdmin("/admin/templates/not-a-uuid/edit").getStatus()).isEqualTo(404);
  }
}
