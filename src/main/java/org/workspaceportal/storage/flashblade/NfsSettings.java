package org.workspaceportal.storage.flashblade;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code nfs} object of a file system. REST 2.x has no {@code enabled} flag: a file system is
 * exported while one of the two protocol versions is enabled. {@code rules} is left out (null) when
 * not changed.
 */
record NfsSettings(
    @JsonProperty("v3_enabled") Boolean v3Enabled,
    @JsonProperty("v4_1_enabled") Boolean v41Enabled,
    String rules) {

  static NfsSettings exported(String rules) {
    return new NfsSettings(true, true, rules);
  }

  static NfsSettings disabled() {
    return new NfsSettings(false, false, null);
  }

  boolean isExported() {
    return Boolean.TRUE.equals(v3Enabled) || Boolean.TRUE.equals(v41Enabled);
  }
}
