package org.workspaceportal.host.web;

import java.util.Arrays;
import java.util.List;
import org.workspaceportal.host.HostRegistration;
import org.workspaceportal.host.HostView;

/**
 * The host form as the page binds it (labels as one comma-separated line); the rules are those of
 * {@link HostRegistration}, checked by the service.
 */
record HostForm(
    String name,
    String endpoint,
    String address,
    String labels,
    Integer cpus,
    Integer memoryMb,
    Integer portRangeStart,
    Integer portRangeEnd,
    String tlsCa,
    String tlsCert,
    String tlsKey) {

  static HostForm empty() {
    return new HostForm("", "", "", "", null, null, null, null, null, null, null);
  }

  /** An existing host, TLS fields blank: the stored material is never sent back to a browser. */
  static HostForm of(HostView h) {
    return new HostForm(
        h.name(),
        h.endpoint(),
        h.address(),
        String.join(", ", h.labels()),
        h.configuredCpus(),
        h.configuredMemoryMb(),
        h.portRangeStart(),
        h.portRangeEnd(),
        null,
        null,
        null);
  }

  HostRegistration toRegistration() {
    List<String> labelList =
        labels == null
            ? List.of()
            : Arrays.stream(labels.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    return new HostRegistration(
        strip(name),
        strip(endpoint),
        strip(address),
        labelList,
        cpus,
        memoryMb,
        portRangeStart,
        portRangeEnd,
        tlsCa,
        tlsCert,
        tlsKey);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  @Override
  public String toString() {
    return "HostForm[name=" + name + ", endpoint=" + endpoint + "]";
  }
}
