package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.BeanValidation.invalidFields;
import static org.workspaceportal.BeanValidation.violations;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NewUserValidationTest {

  private static final String GOOD_PASSWORD = "s3cret-enough";

  @Test
  void aUserWithNamePasswordAndRoleIsValid() {
    assertThat(violations(new NewUser("alice", GOOD_PASSWORD, Role.USER))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc", // 3 characters, the minimum
        "a.b",
        "a_b",
        "a-b",
        "j.doe_2-x",
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01" // 64, the maximum
      })
  void validUsernamesAreAccepted(String username) {
    assertThat(violations(new NewUser(username, GOOD_PASSWORD, Role.USER))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab", // 2 characters
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz012", // 65 characters
        "Alice", // uppercase
        "1alice", // leading digit
        "_alice",
        ".alice",
        "-alice",
        "al ice",
        "alice@example.com",
        "alicé",
        "al/ice"
      })
  void invalidUsernamesAreRefusedWithTheRuleInTheMessage(String username) {
    assertThat(violations(new NewUser(username, GOOD_PASSWORD, Role.USER)))
        .containsOnlyKeys("username")
        .extractingByKey("username")
        .satisfies(
            m ->
                assertThat(m)
                    .contains(
                        "must be 3-64 characters of lowercase letters, digits, dots, underscores or hyphens, starting with a letter"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void aUsernameIsRequired(String username) {
    assertThat(invalidFields(new NewUser(username, GOOD_PASSWORD, Role.USER)))
        .containsExactly("username");
  }

  @Test
  void aPasswordOf7CharactersIsTooShort() {
    assertThat(violations(new NewUser("alice", "1234567", Role.USER)))
        .containsEntry("password", Set.of("must be 8 to 72 characters"));
  }

  @Test
  void aPasswordOf8CharactersIsAccepted() {
    assertThat(violations(new NewUser("alice", "12345678", Role.USER))).isEmpty();
  }

  @Test
  void aPasswordOf72CharactersIsAcceptedAnd73Refused() {
    assertThat(violations(new NewUser("alice", "p".repeat(72), Role.USER))).isEmpty();
    assertThat(invalidFields(new NewUser("alice", "p".repeat(73), Role.USER)))
        .containsExactly("password");
  }

  @Test
  void aPasswordOver72BytesIsRefusedBecauseBcryptWouldCutIt() {
    // 40 characters, but 80 bytes in UTF-8
    assertThat(invalidFields(new NewUser("alice", "é".repeat(40), Role.USER)))
        .containsExactly("passwordWithinBcryptLimit");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "        "})
  void aBlankPasswordIsRefusedEvenWhenLongEnough(String password) {
    assertThat(invalidFields(new NewUser("alice", password, Role.USER)))
        .containsExactly("password");
  }

  @Test
  void aRoleIsRequired() {
    assertThat(invalidFields(new NewUser("alice", GOOD_PASSWORD, null))).containsExactly("role");
  }

  @Test
  void thePasswordNeverAppearsInToString() {
    assertThat(new NewUser("alice", GOOD_PASSWORD, Role.ADMIN).toString())
        .doesNotContain(GOOD_PASSWORD)
        .contains("alice", "ADMIN");
  }
}
