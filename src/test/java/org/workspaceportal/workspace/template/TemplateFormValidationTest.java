package org.workspaceportal.workspace.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.BeanValidation.invalidFields;
import static org.workspaceportal.BeanValidation.violations;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateFormValidationTest {

  private static TemplateForm form(
      String name,
      String image,
      String sparkVersion,
      Integer def,
      Integer max,
      Integer cores,
      Integer mem) {
    return new TemplateForm(name, "A template", image, sparkVersion, def, max, cores, mem);
  }

  private static TemplateForm valid() {
    return form(
        "spark-4.0-large",
        "registry.example.com:5000/workspace-portal/spark:4.0@sha256-abc",
        "4.0.1",
        2,
        8,
        4,
        8192);
  }

  private static TemplateForm withName(String name) {
    return form(name, "img", "4.0.1", 2, 4, 1, 2048);
  }

  private static TemplateForm withWorkers(Integer def, Integer max) {
    return form("t-name", "img", "4.0.1", def, max, 1, 2048);
  }

  @Test
  void aCompleteTemplateIsValid() {
    assertThat(violations(valid())).isEmpty();
  }

  @Test
  void theEmptyFormThatTheNewTemplatePageShowsIsValidExceptForTheName() {
    assertThat(invalidFields(TemplateForm.empty())).containsExactly("name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"abc", "spark-4.0-small", "a.b", "abcdefghijklmnopqrstuvwxyz0123456789.-ab"})
  void validNamesAreAccepted(String name) {
    assertThat(violations(withName(name))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "abcdefghijklmnopqrstuvwxyz0123456789.-abc",
        "Spark",
        "4spark",
        "spark_4",
        "spark 4",
        ".spark"
      })
  void invalidNamesAreRefused(String name) {
    assertThat(invalidFields(withName(name))).containsExactly("name");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " "})
  void theNameIsRequired(String name) {
    assertThat(invalidFields(withName(name))).containsExactly("name");
  }

  @Test
  void aDescriptionOf500CharactersIsAcceptedAnd501Refused() {
    TemplateForm ok = new TemplateForm("t-name", "d".repeat(500), "img", "4.0.1", 2, 4, 1, 2048);
    TemplateForm tooLong =
        new TemplateForm("t-name", "d".repeat(501), "img", "4.0.1", 2, 4, 1, 2048);
    assertThat(violations(ok)).isEmpty();
    assertThat(invalidFields(tooLong)).containsExactly("description");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "spark 4.0", "spark;rm -rf"})
  void anImageMustBeAShortDockerReference(String image) {
    assertThat(invalidFields(form("t-name", image, "4.0.1", 2, 4, 1, 2048)))
        .containsExactly("image");
  }

  @Test
  void anImageReferenceOver200CharactersIsRefused() {
    assertThat(invalidFields(form("t-name", "i".repeat(201), "4.0.1", 2, 4, 1, 2048)))
        .containsExactly("image");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v4.0", "latest", "4.0.1.2.3.4.5.6.7.8.9.0"})
  void aSparkVersionMustLookLikeAVersion(String version) {
    assertThat(invalidFields(form("t-name", "img", version, 2, 4, 1, 2048)))
        .containsExactly("sparkVersion");
  }

  @ParameterizedTest(name = "default {0}, max {1} → invalid {2}")
  @CsvSource({
    "0, 4, defaultWorkers",
    "65, 65, defaultWorkers+maxWorkers",
    "1, 0, maxWorkers+defaultWithinMax",
    "1, 65, maxWorkers",
    "1, 1, ''",
    "64, 64, ''",
    "1, 64, ''"
  })
  void workerCountsRunFrom1To64(int def, int max, String invalid) {
    Set<String> expected = invalid.isEmpty() ? Set.of() : Set.of(invalid.split("\\+"));
    assertThat(invalidFields(withWorkers(def, max))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aDefaultAboveTheMaximumIsRefusedWithAMessageSayingSo() {
    assertThat(violations(withWorkers(5, 4)))
        .containsOnlyKeys("defaultWithinMax")
        .containsEntry(
            "defaultWithinMax",
            Set.of("the default number of workers must not exceed the maximum"));
  }

  @Test
  void aDefaultEqualToTheMaximumIsAccepted() {
    assertThat(violations(withWorkers(4, 4))).isEmpty();
  }

  @Test
  void missingWorkerCountsAreRequired() {
    assertThat(invalidFields(withWorkers(null, null)))
        .containsExactlyInAnyOrder("defaultWorkers", "maxWorkers");
  }

  @ParameterizedTest(name = "cores {0}, memory {1} MB → invalid {2}")
  @CsvSource({
    "0, 2048, workerCores",
    "65, 2048, workerCores",
    "1, 255, workerMemoryMb",
    "1, 1048577, workerMemoryMb",
    "1, 256, ''",
    "64, 1048576, ''"
  })
  void coresAndMemoryPerWorkerHaveBounds(int cores, int memoryMb, String invalid) {
    Set<String> expected = invalid.isEmpty() ? Set.of() : Set.of(invalid);
    assertThat(invalidFields(form("t-name", "img", "4.0.1", 1, 1, cores, memoryMb)))
        .isEqualTo(expected);
  }
}
