package org.workspaceportal.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/**
 * Command to make or change a team.
 *
 * @param name fixed once made
 * @param ssoGroup the provider's group whose members belong to the team (single sign-on); empty:
 *     none
 * @param members people named in the portal, comma- or space-separated usernames
 * @param maxWorkspaces live workspaces the members may have together; empty: no team limit
 * @param maxWorkers workers the members may have together; empty: no team limit
 * @param maxStorageGiB the sizes of the members' buckets together (their templates' bucket sizes);
 *     empty: no team limit
 * @param approvers people named in the portal who approve the members' requests (not their own),
 *     comma- or space-separated usernames; admins approve every request anyway
 * @param approverGroup the provider's group whose members approve them; empty: none
 */
public record TeamForm(
    @NotBlank
        @Pattern(
            regexp = "[a-z][a-z0-9._-]{1,63}",
            message =
                "must be 2-64 lowercase letters, digits, '.', '_' or '-', starting with a letter")
        String name,
    @Size(max = 200)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String ssoGroup,
    @Size(max = 4000) String members,
    @Min(0) @Max(IdentityService.MAX_QUOTA) Integer maxWorkspaces,
    @Min(0) @Max(IdentityService.MAX_QUOTA) Integer maxWorkers,
    @Min(0) @Max(MAX_STORAGE_GIB) Integer maxStorageGiB,
    @Size(max = 4000) String approvers,
    @Size(max = 200)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String approverGroup) {

  /** The largest storage limit a team may have: 1 EiB in GiB. */
  public static final int MAX_STORAGE_GIB = 1 << 30;

  /** A team without a storage limit. */
  public TeamForm(
      String name, String ssoGroup, String members, Integer maxWorkspaces, Integer maxWorkers) {
    this(name, ssoGroup, members, maxWorkspaces, maxWorkers, null, null, null);
  }

  /** The usernames of {@link #members}, as typed. */
  public List<String> memberNames() {
    return names(members);
  }

  /** The usernames of {@link #approvers}, as typed. */
  public List<String> approverNames() {
    return names(approvers);
  }

  /** The group, or null when none. */
  public String group() {
    return blankToNull(ssoGroup);
  }

  /** The approvers' group, or null when none. */
  public String approversGroup() {
    return blankToNull(approverGroup);
  }

  private static List<String> names(String typed) {
    return typed == null
        ? List.of()
        : Arrays.stream(typed.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
  }

  private static String blankToNull(String group) {
    return group == null || group.isBlank() ? null : group.strip();
  }
}
