package org.workspaceportal.audit.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.workspaceportal.audit.AuditEntry;

/**
 * Audit entries as CSV (RFC 4180). A cell that a spreadsheet would take for a formula (it starts
 * with =, +, -, @, tab or carriage return) gets a leading apostrophe: details hold what users
 * typed.
 */
final class AuditCsv {

  static final String HEADER = "id,at_utc,actor,action,target,detail,remote_address\r\n";

  private AuditCsv() {}

  static String row(AuditEntry e) {
    return Stream.of(
                String.valueOf(e.id()),
                e.at() == null ? "" : e.at().toString(),
                e.actor(),
                e.action(),
                e.target(),
                e.detail(),
                e.remoteAddress())
            .map(AuditCsv::cell)
            .collect(Collectors.joining(","))
        + "\r\n";
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
