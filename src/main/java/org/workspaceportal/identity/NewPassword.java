package org.workspaceportal.identity;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import org.workspaceportal.common.PlainText;

/**
 * A new password, typed twice: an admin's reset or a user's own change. The rules are a new user's
 * ({@link NewUser} checks its password with {@link #withinBcryptLimit}).
 */
public record NewPassword(
    @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") @PlainText
        String password,
    String repeat) {

  @AssertTrue(message = "must be at most 72 bytes in UTF-8")
  public boolean isPasswordWithinBcryptLimit() {
    return withinBcryptLimit(password);
  }

  @AssertTrue(message = "the two passwords differ")
  public boolean isRepeatedTheSame() {
    return password == null || password.equals(repeat);
  }

  /**
   * bcrypt reads at most 72 bytes; a longer password would be cut silently or refused. (Longer in
   * characters already fails {@code @Size}, so it is said once.)
   */
  static boolean withinBcryptLimit(String password) {
    return password == null
        || password.length() > 72
        || password.getBytes(StandardCharsets.UTF_8).length <= 72;
  }

  @Override
  public String toString() {
    return "NewPassword[****]";
  }
}
