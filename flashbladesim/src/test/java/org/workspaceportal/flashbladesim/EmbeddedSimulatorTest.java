package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/**
 * The embedded default: started by the EnvironmentPostProcessor, once per JVM, exposed as a bean.
 */
class EmbeddedSimulatorTest {

  private static final DeferredLogFactory LOGS =
      destination -> LogFactory.getLog(EmbeddedSimulatorTest.class);

  private final EmbeddedSimulatorEnvironmentPostProcessor postProcessor =
      new EmbeddedSimulatorEnvironmentPostProcessor(LOGS);

  private static StandardEnvironment environment(Map<String, Object> properties) {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }

  @Test
  void aConfiguredFlashBladeUrlLeavesTheEnvironmentAlone() {
    var environment =
        environment(Map.of("portal.storage.flashblade.url", "https://array.example:443"));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().contains("flashbladesim")).isFalse();
    assertThat(environment.getProperty("portal.storage.flashblade.url"))
        .isEqualTo("https://array.example:443");
  }

  @Test
  void theSimulatorCanBeSwitchedOff() {
    var environment = environment(Map.of("portal.flashbladesim.enabled", "false"));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("portal.flashbladesim.running")).isNull();
  }

  @Test
  void anExternalDatabaseWithoutAFlashBladeGetsNoSimulator() {
    var environment =
        environment(
            Map.of(
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/portal",
                "portal.flashbladesim.persistent", "false"));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("portal.flashbladesim.running")).isNull();
    assertThat(environment.getProperty("portal.storage.flashblade.url")).isNull();
  }

  @Test
  void anExternalDatabaseGetsTheSimulatorOnlyWhenAskedFor() {
    var environment =
        environment(
            Map.of(
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/portal",
                "portal.flashbladesim.enabled", "true",
                "portal.flashbladesim.persistent", "false"));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("portal.flashbladesim.running")).isEqualTo("true");
  }

  @Test
  void withoutAFlashBladeTheSimulatorStartsOnceAndThePortalIsPointedAtIt() {
    var first = environment(Map.of("portal.flashbladesim.persistent", "false"));
    var second = environment(Map.of("portal.flashbladesim.persistent", "false"));

    postProcessor.postProcessEnvironment(first, new SpringApplication());
    postProcessor.postProcessEnvironment(second, new SpringApplication());

    FlashBladeSimulator simulator = EmbeddedSimulator.running().orElseThrow();
    assertThat(first.getProperty("portal.storage.flashblade.url"))
        .isEqualTo(simulator.managementUri().toString());
    assertThat(first.getProperty("portal.storage.flashblade.api-token"))
        .isEqualTo(simulator.apiToken());
    assertThat(first.getProperty("portal.storage.flashblade.ca-certificate"))
        .isEqualTo(simulator.caCertificate().toAbsolutePath().toString());
    assertThat(first.getProperty("portal.storage.flashblade.data-endpoint"))
        .isEqualTo(simulator.s3Endpoint().toString());
    assertThat(first.getProperty("portal.flashbladesim.running")).isEqualTo("true");
    assertThat(second.getProperty("portal.storage.flashblade.url"))
        .isEqualTo(first.getProperty("portal.storage.flashblade.url"));
    assertThat(SimulatorFixtures.loggedIn(simulator).get("/arrays").status()).isEqualTo(200);
  }

  /**
   * What the portal relies on: this jar's META-INF alone starts the simulator and adds the bean.
   */
  @Test
  void aSpringBootApplicationStartsTheSimulatorAndGetsItAsABeanFromTheJarsMetaInf() {
    try (var context =
        new SpringApplicationBuilder(Wiring.class)
            .web(WebApplicationType.NONE)
            .properties(
                "portal.flashbladesim.persistent=false",
                "portal.flashbladesim.enabled=true",
                "portal.embedded-postgres.enabled=false",
                "spring.main.banner-mode=off")
            .run()) {
      FlashBladeSimulator bean = context.getBean(FlashBladeSimulator.class);

      assertThat(bean).isSameAs(EmbeddedSimulator.running().orElseThrow());
      assertThat(context.getEnvironment().getProperty("portal.storage.flashblade.url"))
          .isEqualTo(bean.managementUri().toString());
    }
    // closing a context must not stop the simulator the other contexts of the JVM share
    var simulator = EmbeddedSimulator.running().orElseThrow();
    assertThat(SimulatorFixtures.loggedIn(simulator).get("/arrays").status()).isEqualTo(200);
  }

  @Test
  void persistentStateGoesUnderThePortalDataDirectory() {
    var configured = new MockEnvironment().withProperty("portal.data-dir", "/var/lib/portal");
    var byDefault = new MockEnvironment();
    var inMemory =
        new MockEnvironment()
            .withProperty("portal.flashbladesim.persistent", "false")
            .withProperty("portal.flashbladesim.management-port", "18443");

    assertThat(EmbeddedSimulatorSettings.from(configured).dataDir())
        .isEqualTo(Path.of("/var/lib/portal", "flashbladesim"));
    assertThat(EmbeddedSimulatorSettings.from(byDefault).dataDir())
        .isEqualTo(Path.of(".portal-data", "flashbladesim"));
    assertThat(EmbeddedSimulatorSettings.from(inMemory).dataDir()).isNull();
    assertThat(EmbeddedSimulatorSettings.from(inMemory).managementPort()).isEqualTo(18443);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Wiring {}
}
