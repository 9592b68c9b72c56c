package org.workspaceportal.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.workspaceportal.audit.AuditEntry;
import org.workspaceportal.audit.AuditFilter;
import org.workspaceportal.audit.AuditService;

/** The audit trail for admins: filtered by action, actor and days, and exported as CSV. */
@Controller
class AuditPageController {

  /** An export stops here; narrow the filter for more. */
  static final int MAX_EXPORT_ROWS = 100_000;

  private final AuditService audit;
  private final Clock clock;

  AuditPageController(AuditService audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/admin/audit")
  String list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    AuditFilter filter = new AuditFilter(action, actor, from, to);
    model.addAttribute("entries", audit.search(filter, page, 50));
    model.addAttribute("filter", filter);
    model.addAttribute("filtered", anyGiven(filter));
    model.addAttribute("query", query(filter));
    model.addAttribute("actions", audit.actions());
    return "admin/audit";
  }

  @GetMapping("/admin/audit.csv")
  void export(
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    AuditFilter filter = new AuditFilter(action, actor, from, to);
    // the first page before any header: a bad filter is still an error page, not half a file
    Page<AuditEntry> first = audit.search(filter, 0, AuditService.MAX_EXPORT_PAGE);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("audit-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".csv")
            .build()
            .toString());
    Writer out = response.getWriter();
    out.write(AuditCsv.HEADER);
    int rows = 0;
    Page<AuditEntry> page = first;
    while (true) {
      for (AuditEntry e : page.getContent()) {
        out.write(AuditCsv.row(e));
      }
      rows += page.getNumberOfElements();
      if (!page.hasNext() || rows >= MAX_EXPORT_ROWS) {
        break;
      }
      page = audit.search(filter, page.getNumber() + 1, AuditService.MAX_EXPORT_PAGE);
    }
    out.flush();
  }

  /** The filter as query parameters, "&" first, only those given: for links to pages and CSV. */
  private static String query(AuditFilter f) {
    UriComponentsBuilder b = UriComponentsBuilder.newInstance();
    if (hasText(f.action())) {
      b.queryParam("action", f.action().strip());
    }
    if (hasText(f.actor())) {
      b.queryParam("actor", f.actor().strip());
    }
    if (f.from() != null) {
      b.queryParam("from", f.from());
    }
    if (f.to() != null) {
      b.queryParam("to", f.to());
    }
    String q = b.encode().build().getQuery();
    return q == null ? "" : "&" + q;
  }

  private static boolean anyGiven(AuditFilter f) {
    return hasText(f.action()) || hasText(f.actor()) || f.from() != null || f.to() != null;
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
