package org.workspaceportal.dockerruntime;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.SparkContainers;

/**
 * This portal's identity on the hosts: an id made once by a migration and shared by every instance
 * through the database. Every container and volume the portal makes carries it ({@link
 * SparkContainers#INSTALLATION_LABEL}), so that orphan removal never touches what another portal
 * (or another test run against the same engine) made.
 */
@Component
class Installation {

  private final JdbcTemplate jdbc;
  private volatile UUID id;

  Installation(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  UUID id() {
    UUID known = id;
    if (known == null) {
      known = jdbc.queryForObject("select id from portal_installation", UUID.class);
      id = known;
    }
    return known;
  }

  /** The label to put on everything this portal makes. */
  Map<String, String> label() {
    return Map.of(SparkContainers.INSTALLATION_LABEL, id().toString());
  }
}
