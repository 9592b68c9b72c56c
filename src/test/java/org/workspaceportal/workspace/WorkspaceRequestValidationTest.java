package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.BeanValidation.invalidFields;
import static org.workspaceportal.BeanValidation.violations;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.workspaceportal.storage.Retention;

class WorkspaceRequestValidationTest {

  private static WorkspaceRequest withName(String name) {
    return new WorkspaceRequest(name, null, null, null, null, null, null);
  }

  private static WorkspaceRequest withDescription(String description) {
    return new WorkspaceRequest("valid-name", description, null, null, null, null, null);
  }

  private static WorkspaceRequest withTemplate(String template) {
    return new WorkspaceRequest("valid-name", null, template, null, null, null, null);
  }

  private static WorkspaceRequest withWorkers(Integer workers) {
    return new WorkspaceRequest("valid-name", null, null, workers, null, null, null);
  }

  @Test
  void aRequestWithAllFieldsSetIsValid() {
    WorkspaceRequest full =
        new WorkspaceRequest(
            "churn-model",
            "Churn analysis",
            "spark-4.0-small",
            3,
            true,
            Retention.ERADICATE,
            Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(violations(full)).isEmpty();
  }

  @Test
  void aRequestWithOnlyANameIsValid() {
    assertThat(violations(withName("abc"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc", // 3 characters, the minimum
        "a-1", // hyphen and digit after the first letter
        "abcdefghijklmnopqrstuvwxyz0123456789-abc", // 40 characters, the maximum
        "team-42-analysis"
      })
  void validNamesAreAccepted(String name) {
    assertThat(name.length()).isBetween(3, 40);
    assertThat(violations(withName(name))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab", // 2 characters
        "abcdefghijklmnopqrstuvwxyz0123456789-abcd", // 41 characters
        "Abc", // uppercase
        "abC",
        "1abc", // leading digit
        "-abc", // leading hyphen
        "a_bc", // underscore
        "a.bc",
        "a bc",
        " abc",
        "abc ",
        "abé",
        "abc\n",
        "<script>"
      })
  void invalidNamesAreRefusedWithTheRuleInTheMessage(String name) {
    assertThat(violations(withName(name)))
        .containsOnlyKeys("name")
        .extractingByKey("name")
        .satisfies(
            messages ->
                assertThat(messages)
                    .contains(
                        "must be 3-40 characters of lowercase letters, digits and hyphens, starting with a letter"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void aMissingNameIsRequired(String name) {
    assertThat(violations(withName(name))).containsOnlyKeys("name");
    assertThat(violations(withName(name)).get("name")).contains("is required");
  }

  @Test
  void aDescriptionOf2000CharactersIsAccepted() {
    assertThat(violations(withDescription("x".repeat(2000)))).isEmpty();
  }

  @Test
  void aDescriptionOf2001CharactersIsRefused() {
    assertThat(violations(withDescription("x".repeat(2001))))
        .containsOnlyKeys("description")
        .containsEntry("description", Set.of("must be at most 2000 characters"));
  }

  @Test
  void aDescriptionMayContainMarkupBecausePagesEscapeIt() {
    assertThat(violations(withDescription("<script>alert(1)</script>"))).isEmpty();
  }

  @Test
  void aTemplateNameOf40CharactersIsAcceptedAnd41Refused() {
    assertThat(violations(withTemplate("t".repeat(40)))).isEmpty();
    assertThat(invalidFields(withTemplate("t".repeat(41)))).containsExactly("template");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 64})
  void workersFrom1To64AreAccepted(int workers) {
    assertThat(violations(withWorkers(workers))).isEmpty();
  }

  @Test
  void zeroWorkersAreRefused() {
    assertThat(violations(withWorkers(0))).containsEntry("workers", Set.of("must be at least 1"));
  }

  @Test
  void negativeWorkersAreRefused() {
    assertThat(invalidFields(withWorkers(-1))).containsExactly("workers");
  }

  @Test
  void sixtyFiveWorkersAreRefused() {
    assertThat(violations(withWorkers(65))).containsEntry("workers", Set.of("must be at most 64"));
  }

  @Test
  void omittedWorkersMeanTheTemplateDefault() {
    assertThat(violations(withWorkers(null))).isEmpty();
  }
}
