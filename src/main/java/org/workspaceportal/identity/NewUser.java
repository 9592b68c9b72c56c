package org.workspaceportal.identity;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.workspaceportal.common.PlainText;

/** Command to create a local user. */
public record NewUser(
    @NotBlank
        @Pattern(
            regexp = "[a-z][a-z0-9._-]{2,63}",
            message =
                "must be 3-64 characters of lowercase letters, digits, dots, underscores or hyphens, starting with a letter")
        String username,
    @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") @PlainText
        String password,
    @NotNull Role role) {

  @AssertTrue(message = "must be at most 72 bytes in UTF-8")
  public boolean isPasswordWithinBcryptLimit() {
    return NewPassword.withinBcryptLimit(password);
  }

  @Override
  public String toString() {
    return "NewUser[username=" + username + ", role=" + role + "]";
  }
}
