package org.workspaceportal.flashbladesim;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Which Purity//FB release the simulated array reports in {@code GET /arrays}, so that it agrees
 * with the newest REST version the array offers.
 *
 * <p>Pure publishes no table of releases and REST versions in the sources read; the pairs below are
 * the documented ones, each a feature whose release and REST version the same source names. Read as
 * "the first release that serves 2.N":
 *
 * <ul>
 *   <li>2.0, 3.2.0: Pure-Storage-Ansible/FlashBlade-Collection {@code purefb_info} adds "extra info
 *       for Purity//FB 3.2+ systems" behind {@code MIN_32_API = "2.0"};
 *   <li>2.1, 3.2.3: same collection, {@code purefb_lifecycle} rules "post-Purity//FB 3.2.3" behind
 *       {@code LIFECYCLE_API_VERSION = "2.1"};
 *   <li>2.7, 4.0.2: {@code purefb_info} security update "for Purity//FB 4.0.2, or higher", {@code
 *       SECURITY_API_VERSION = "2.7"};
 *   <li>2.11, 4.3.0: {@code purefb_info} "more detailed space data from Purity//FB 4.3.0", {@code
 *       SPACE_API_VERSION = "2.11"};
 *   <li>2.13, 4.4.0: {@code purefb_fs} "group_ownership ... from Purity//FB 4.4.0", {@code
 *       GOWNER_API_VERSION = "2.13"};
 *   <li>2.15, 4.5.0: {@code purefb_smtp} "encryption mode support from Purity//FB 4.5.0", {@code
 *       SMTP_ENCRYPT_API_VERSION = "2.15"};
 *   <li>2.16, 4.5.2 and 2.18, 4.6.0: {@code purefb_password_policy}, "REST API 2.16 (Purity//FB
 *       4.5.2)", "REST API 2.18 (Purity//FB 4.6.0)";
 *   <li>2.20, 4.6.3: {@code purefb_certs}, "Purity//FB 4.6.3+ is required for CSRs", {@code
 *       CSR_API_VERSION = "2.20"};
 *   <li>2.24, 4.6.8: {@code purefb_local_user}, "REST API version 2.24 or later (Purity//FB
 *       4.6.8+)";
 *   <li>2.22, 4.6.7: a FlashBlade Terraform provider targeting "REST API v2.22 (Purity//FB 4.6.7)"
 *       (third party);
 *   <li>2.26, 4.8.1: a FlashBlade PowerShell module, "REST API 2.26 (Purity//FB 4.8.1)" (third
 *       party).
 * </ul>
 *
 * For a version between two pairs (2.17, say) the simulator reports the release of the pair below
 * (4.5.2): the newest release known to serve no more than what the array lists, so nothing a client
 * infers from the release is missing from the API. The real release that first served 2.17 lies
 * between 4.5.2 and 4.6.0 and is not documented in these sources.
 */
final class PurityReleases {

  private static final NavigableMap<Integer, String> FIRST_SERVING =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(0, "3.2.0"),
              Map.entry(1, "3.2.3"),
              Map.entry(7, "4.0.2"),
              Map.entry(11, "4.3.0"),
              Map.entry(13, "4.4.0"),
              Map.entry(15, "4.5.0"),
              Map.entry(16, "4.5.2"),
              Map.entry(18, "4.6.0"),
              Map.entry(20, "4.6.3"),
              Map.entry(22, "4.6.7"),
              Map.entry(24, "4.6.8"),
              Map.entry(26, "4.8.1")));

  private PurityReleases() {}

  /** The release an array reports whose newest REST version is 2.{@code maxMinor}. */
  static String serving(int maxMinor) {
    if (maxMinor < 0) {
      throw new IllegalArgumentException("No REST 2." + maxMinor);
    }
    return FIRST_SERVING.floorEntry(maxMinor).getValue();
  }
}
