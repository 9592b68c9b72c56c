package org.workspaceportal.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.audit.AuditEntry;
import org.workspaceportal.audit.AuditService;

/** The admin's audit page. */
@PageSliceTest
class AuditPageTest {

  @Autowired MockMvc mvc;
  @Autowired AuditService audit;

  private static RequestPostProcessor root() {
    return user("root").roles("ADMIN", "USER");
  }

  private static AuditEntry entry(String detail) {
    return new AuditEntry(
        7L,
        Instant.parse("2026-03-04T05:06:07Z"),
        "bob",
        "workspace.rejected",
        "bob/alpha",
        detail,
        "192.0.2.10");
  }

  @Test
  void theAuditPageShowsWhoDidWhatWhenToWhatAndFromWhere() throws Exception {
    when(audit.page(anyInt(), anyInt(), any()))
        .thenReturn(new PageImpl<>(List.of(entry("PENDING_APPROVAL → REJECTED: too big"))));

    String text =
        Html.text(
            mvc.perform(get("/admin/audit").with(root()))
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(text)
        .contains(
            "2026-03-04 05:06:07 UTC bob workspace.rejected bob/alpha PENDING_APPROVAL → REJECTED: too big 192.0.2.10");
    assertThat(text).contains("Page 1 of 1");
  }

  @Test
  void theActionFilterAndPageAreHandedToTheService() throws Exception {
    when(audit.page(anyInt(), anyInt(), any()))
        .thenReturn(new PageImpl<>(List.of(), PageRequest.of(2, 50), 200));

    String html =
        mvc.perform(
                get("/admin/audit").param("action", "login.failed").param("page", "2").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    verify(audit).page(2, 50, "login.failed");
    assertThat(html)
        .contains(
            "value=\"login.failed\"",
            "href=\"/admin/audit?page=1&amp;action=login.failed\"",
            "href=\"/admin/audit?page=3&amp;action=login.failed\"");
  }

  @Test
  void markupInAnAuditDetailIsEscaped() throws Exception {
    when(audit.page(anyInt(), anyInt(), any()))
        .thenReturn(new PageImpl<>(List.of(entry("<img src=x onerror=alert(1)>"))));

    String html =
        mvc.perform(get("/admin/audit").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
  }
}
