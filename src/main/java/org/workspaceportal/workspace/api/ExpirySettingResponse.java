package org.workspaceportal.workspace.api;

import java.time.Instant;
import org.workspaceportal.workspace.lifetime.ExpirySetting;

/**
 * The expiry setting as the API shows it.
 *
 * @param keepStoppedForDays what applies now in days (null only when the configured default is not
 *     a whole number of days; {@code keepStoppedFor} always says it)
 * @param keepStoppedFor what applies now, ISO-8601 (e.g. {@code PT336H})
 * @param isDefault true when no admin value is saved and the configured default applies
 * @param defaultKeepStoppedFor the configured default, ISO-8601
 * @param changedBy who changed it last (also back to the default); null when nobody has
 * @param changedAt when
 */
record ExpirySettingResponse(
    Long keepStoppedForDays,
    String keepStoppedFor,
    boolean isDefault,
    String defaultKeepStoppedFor,
    String changedBy,
    Instant changedAt) {

  static ExpirySettingResponse of(ExpirySetting s) {
    return new ExpirySettingResponse(
        s.keepStoppedForDays(),
        s.keepStoppedFor().toString(),
        s.isDefault(),
        s.defaultKeepStoppedFor().toString(),
        s.changedBy(),
        s.changedAt());
  }
}
