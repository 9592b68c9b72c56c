package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FlashBladePropertiesTest {

  private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
  private final Validator validator = factory.getValidator();

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  void bindsTheDocumentedDefaults() {
    FlashBladeProperties properties =
        bind(
            Map.of(
                "portal.storage.flashblade.url", "https://fb.example.com",
                "portal.storage.flashblade.api-token", "T-1"));

    assertThat(properties.insecureSkipTlsVerify()).isFalse();
    assertThat(properties.dataScheme()).isEqualTo("http");
    assertThat(properties.nfsRule()).isEqualTo("*(rw,no_root_squash)");
    assertThat(properties.bucketQuotaBytes()).isNull();
    assertThat(properties.datahubBytes()).isEqualTo(1L << 40);
    assertThat(validator.validate(properties)).isEmpty();
  }

  @Test
  void anUnsetUrlIsValidBecauseTheAdapterIsThenOff() {
    assertThat(
            validator.validate(
                bind(Map.of("portal.storage.flashblade.nfs-rule", "10.0.0.0/24(rw)"))))
        .isEmpty();
  }

  @Test
  void aUrlWithoutTokenOrOverPlainHttpIsRejected() {
    assertThat(messages(bind(Map.of("portal.storage.flashblade.url", "http://fb.example.com"))))
        .anyMatch(m -> m.contains("api-token must be set"))
        .anyMatch(m -> m.contains("must be an https URI"));
  }

  @Test
  void aCaBundleAndSkippingVerificationExcludeEachOther() {
    assertThat(
            messages(
                bind(
                    Map.of(
                        "portal.storage.flashblade.url", "https://fb.example.com",
                        "portal.storage.flashblade.api-token", "T-1",
                        "portal.storage.flashblade.ca-certificate", "/etc/fb/ca.pem",
                        "portal.storage.flashblade.insecure-skip-tls-verify", "true"))))
        .anyMatch(m -> m.contains("exclude each other"));
  }

  @Test
  void toStringMasksTheApiToken() {
    FlashBladeProperties properties =
        FlashBladeFixtures.properties(URI.create("https://fb"), "T-very-secret", null);

    assertThat(properties.toString()).doesNotContain("T-very-secret").contains("apiToken=****");
  }

  private Set<String> messages(FlashBladeProperties properties) {
    return validator.validate(properties).stream()
        .map(ConstraintViolation::getMessage)
        .collect(Collectors.toSet());
  }

  private static FlashBladeProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("portal.storage.flashblade", FlashBladeProperties.class);
  }
}
