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
    @Min(0) @Max(IdentityService.MAX_QUOTA) Integer maxWorkers) {

  /** The usernames of {@link #members}, as typed. */
  public List<String> memberNames() {
    return members == null
        ? List.of()
        : Arrays.stream(members.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
  }

  /** The group, or null when none. */
  public String group() {
    return ssoGroup == null || ssoGroup.isBlank() ? null : ssoGroup.strip();
  }
}
