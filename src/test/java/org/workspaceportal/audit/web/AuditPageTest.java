package org.workspaceportal.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.audit.AuditEntry;
import org.workspaceportal.audit.AuditFilter;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.common.InvalidParameterException;

/** The admin's audit page and its CSV export. */
@PageSliceTest
class AuditPageTest {

  @Autowired MockMvc mvc;
  @Autowired AuditService audit;

  private static RequestPostProcessor root() {
    return user("root").roles("ADMIN", "USER");
  }

  private static AuditEntry entry(long id, String detail) {
    return new AuditEntry(
        id,
        Instant.parse("2026-03-04T05:06:07Z"),
        "bob",
        "workspace.rejected",
        "bob/alpha",
        detail,
        "192.0.2.10",
        null);
  }

  private static AuditEntry entry(String detail) {
    return entry(7L, detail);
  }

  @Test
  void theAuditPageShowsWhoDidWhatWhenToWhatAndFromWhere() throws Exception {
    when(audit.search(any(), anyInt(), anyInt()))
        .thenReturn(new PageImpl<>(List.of(entry("PENDING_APPROVAL → REJECTED: too big"))));

    String html =
        mvc.perform(get("/admin/audit").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html))
        .contains("2026-03-04 05:06:07 UTC")
        .contains(
            "bob workspace.rejected bob/alpha PENDING_APPROVAL → REJECTED: too big 192.0.2.10")
        .contains("1 entry, newest first.", "Page 1 of 1");
  }

  @Test
  void aTargetWithAPlaceInThePortalLinksToIt() throws Exception {
    java.util.UUID id = java.util.UUID.randomUUID();
    AuditEntry linked =
        new AuditEntry(
            2L,
            Instant.parse("2026-03-04T05:06:07Z"),
            "bob",
            "workspace.deleted",
            "bob/alpha",
            "DELETING → DELETED",
            null,
            "/workspaces/" + id);
    AuditEntry unknown =
        new AuditEntry(
            3L,
            Instant.parse("2026-03-04T05:06:08Z"),
            "nobody",
            "login.failed",
            "nobody",
            "BadCredentialsException",
            "192.0.2.9",
            null);
    when(audit.search(any(), anyInt(), anyInt()))
        .thenReturn(new PageImpl<>(List.of(linked, unknown)));

    String html =
        mvc.perform(get("/admin/audit").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("<a class=\"audit-target\" href=\"/workspaces/" + id + "\">bob/alpha</a>");
    assertThat(html.split("class=\"audit-target\"", -1)).hasSize(2);
    assertThat(html).contains("<td data-label=\"Target\" class=\"text-break\">nobody</td>");
  }

  @Test
  void theFiltersAndPageAreHandedToTheServiceAndKeptInThePageLinks() throws Exception {
    when(audit.search(any(), anyInt(), anyInt()))
        .thenReturn(new PageImpl<>(List.of(), PageRequest.of(2, 50), 200));

    String html =
        mvc.perform(
                get("/admin/audit")
                    .param("action", "login")
                    .param("actor", "ali")
                    .param("from", "2026-03-01")
                    .param("to", "2026-03-31")
                    .param("page", "2")
                    .with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    verify(audit)
        .search(
            new AuditFilter(
                "login", "ali", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")),
            2,
            50);
    assertThat(html)
        .contains(
            "value=\"login\"",
            "value=\"ali\"",
            "value=\"2026-03-01\"",
            "href=\"/admin/audit?page=1&amp;action=login&amp;actor=ali&amp;from=2026-03-01&amp;to=2026-03-31\"",
            "href=\"/admin/audit?page=3&amp;action=login",
            "href=\"/admin/audit.csv?action=login&amp;actor=ali&amp;from=2026-03-01&amp;to=2026-03-31\"");
  }

  @Test
  void theRecordedActionsAreOfferedToPickFrom() throws Exception {
    when(audit.search(any(), anyInt(), anyInt())).thenReturn(new PageImpl<>(List.of()));
    when(audit.actions()).thenReturn(List.of("login.failed", "workspace.approved"));

    String html =
        mvc.perform(get("/admin/audit").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("list=\"audit-actions\"")
        .contains("<option value=\"login.failed\">", "<option value=\"workspace.approved\">");
  }

  @Test
  void aDateThatIsNotADateIsAClientError() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/admin/audit").param("from", "yesterday").with(root()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(400);
  }

  @Test
  void markupInAnAuditDetailIsEscaped() throws Exception {
    when(audit.search(any(), anyInt(), anyInt()))
        .thenReturn(new PageImpl<>(List.of(entry("<img src=x onerror=alert(1)>"))));

    String html =
        mvc.perform(get("/admin/audit").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void theExportIsACsvFileOfEveryMatchingEntryPageByPage() throws Exception {
    int size = AuditService.MAX_EXPORT_PAGE;
    List<AuditEntry> full = IntStream.range(0, size).mapToObj(i -> entry(i, "d" + i)).toList();
    when(audit.search(any(), eq(0), eq(size)))
        .thenReturn(new PageImpl<>(full, PageRequest.of(0, size), size + 1));
    when(audit.search(any(), eq(1), eq(size)))
        .thenReturn(
            new PageImpl<>(
                List.of(entry(9999, "=HYPERLINK(\"x\"), said \"hi\"")),
                PageRequest.of(1, size),
                size + 1));

    MockHttpServletResponse response =
        mvc.perform(get("/admin/audit.csv").param("actor", "bob").with(root()))
            .andReturn()
            .getResponse();

    assertThat(response.getContentType()).startsWith("text/csv");
    assertThat(response.getHeader("Content-Disposition"))
        .startsWith("attachment; filename=\"audit-");
    String csv = response.getContentAsString();
    assertThat(csv.lines())
        .hasSize(size + 2)
        .first()
        .isEqualTo("id,at_utc,actor,action,target,detail,remote_address");
    assertThat(csv)
        .contains("0,2026-03-04T05:06:07Z,bob,workspace.rejected,bob/alpha,d0,192.0.2.10\r\n")
        // a formula is defused, quotes doubled, a cell with a comma quoted
        .contains(",\"'=HYPERLINK(\"\"x\"\"), said \"\"hi\"\"\",");
    verify(audit).search(new AuditFilter(null, "bob", null, null), 1, size);
  }

  @Test
  void anExportWithAnImpossibleRangeIsAnErrorPageNotHalfAFile() throws Exception {
    when(audit.search(any(), anyInt(), anyInt()))
        .thenThrow(new InvalidParameterException("to", "must not be before from"));

    MockHttpServletResponse response =
        mvc.perform(
                get("/admin/audit.csv")
                    .param("from", "2026-03-02")
                    .param("to", "2026-03-01")
                    .with(root()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).doesNotStartWith("text/csv");
  }

  @Test
  void onlyAdminsMayExport() throws Exception {
    assertThat(
            mvc.perform(get("/admin/audit.csv").with(user("alice").roles("USER")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }
}
