package org.workspaceportal.storage.flashblade;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST 2.x version ("2.17"). The adapter speaks 2.0 up to {@link #HIGHEST_SUPPORTED}; newer
 * arrays still list the older versions, and fields that need a newer one are guarded with {@link
 * #atLeast}.
 */
record RestVersion(int minor) implements Comparable<RestVersion> {

  /** The newest version whose request and answer shapes this adapter was written against. */
  static final int HIGHEST_SUPPORTED = 26;

  /** Bucket and account quotas ({@code quota_limit}, {@code hard_limit_enabled}) arrived in 2.8. */
  static final RestVersion QUOTAS = new RestVersion(8);

  /**
   * Access keys carry {@code access_key_id} from 2.20 (Pure's client model {@code
   * object_store_access_key_v_2_20}), the release after realms arrived (2.19).
   */
  static final RestVersion ACCESS_KEY_IDS = new RestVersion(20);

  private static final Pattern TWO_X = Pattern.compile("2\\.(\\d{1,3})");

  /** The highest 2.x version both sides speak, if any. */
  static Optional<RestVersion> choose(List<String> offered) {
    return offered == null
        ? Optional.empty()
        : offered.stream()
            .map(RestVersion::parse)
            .flatMap(Optional::stream)
            .filter(v -> v.minor() <= HIGHEST_SUPPORTED)
            .max(RestVersion::compareTo);
  }

  static Optional<RestVersion> parse(String text) {
    Matcher matcher = text == null ? null : TWO_X.matcher(text.strip());
    return matcher != null && matcher.matches()
        ? Optional.of(new RestVersion(Integer.parseInt(matcher.group(1))))
        : Optional.empty();
  }

  boolean atLeast(RestVersion other) {
    return minor >= other.minor;
  }

  /** The path prefix of every resource call, e.g. {@code /api/2.17/}. */
  String basePath() {
    return "/api/" + this + "/";
  }

  @Override
  public int compareTo(RestVersion other) {
    return Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return "2." + minor;
  }
}
