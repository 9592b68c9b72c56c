package org.workspaceportal.workspace.engine;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.PortalProcess;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.engine.StepStarts.Start;

/**
 * Two portal instances on one database, as in production: this test's application context is the
 * first, and a second JVM started from the same class path ({@link PortalProcess}) is the other, on
 * the same embedded PostgreSQL, with the same secret key and the same FlashBlade simulator (which
 * runs in this JVM, so its fault injection slows both). Which instance ran which step is read from
 * the database ({@link StepStarts}): each instance's connections carry a name of their own.
 *
 * <p>Starting a JVM takes 10 to 20 s here, so the tests share one second instance, started by
 * whichever needs it first; the test that kills it runs last.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoPortalInstancesTest {

  private static final CurrentUser ADMIN = new CurrentUser("twin-admin", true);

  /** The second instance's name: its log file's and its database connections'. */
  private static final String SECOND = "second-portal";

  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired FlashBladeSimulator sim;
  @Autowired JdbcTemplate jdbc;
  @Autowired Environment environment;

  private StepStarts starts;

  /** How this JVM's connections name themselves to PostgreSQL. */
  private String first;

  private PortalProcess second;
  private CurrentUser owner;

  @BeforeAll
  void watchWhoStartsSteps() {
    starts = StepStarts.record(jdbc);
    first = jdbc.queryForObject("select current_setting('application_name')", String.class);
    assertThat(first).as("this instance's connections' name").isNotEqualTo(SECOND);
  }

  @AfterAll
  void stopTheSecondInstance() {
    try {
      if (second != null) {
        second.close();
      }
    } finally {
      starts.close();
    }
  }

  @BeforeEach
  void newOwner() {
    owner = IdentityFixtures.userWithRoom(identity, "twin");
  }

  @AfterEach
  void clearFaults() {
    sim.faults().reset();
  }

  @Test
  @Order(1)
  void twoInstancesOnOneDatabaseNeverRunTheSameStepTwice() {
    second();
    // Every management call a little slow: a job then outlasts the second instance's polling
    // interval, so neither instance empties the queue before the other looks.
    sim.faults().latency(Duration.ofMillis(20));
    sim.clearCalls();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(request("twin-" + i).id());
    }
    ids.parallelStream().forEach(id -> workspaces.approve(id, ADMIN));

    int steps = 0;
    for (UUID id : ids) {
      WorkspaceView ready = awaitStatus(id, WorkspaceStatus.READY, Duration.ofSeconds(120));
      assertThat(ready.steps()).extracting(StepView::attempts).containsOnly(1);
      steps += ready.steps().size();
    }
    List<Start> started = starts.of(ids);
    assertThat(started).extracting(Start::stepId).as("steps started").doesNotHaveDuplicates();
    assertThat(started).as("every step started, once").hasSize(steps);
    Map<String, Long> byInstance =
        started.stream().collect(groupingBy(Start::instance, counting()));
    assertThat(byInstance.keySet())
        .as("the instances that started steps, with how many: %s", byInstance)
        .containsExactlyInAnyOrder(first, SECOND);
    assertThat(sim.callCount("POST", "object-store-accounts")).isEqualTo(30);
    assertThat(sim.callCount("POST", "object-store-users")).isEqualTo(30);
    assertThat(sim.callCount("POST", "object-store-access-keys")).isEqualTo(30);
    assertThat(sim.callCount("POST", "buckets")).isEqualTo(30);
  }

  /** The second instance, started if it is not running. */
  private PortalProcess second() {
    if (second == null || !second.isAlive()) {
      second = PortalProcess.start(SECOND, sameInstallation(), Duration.ofMinutes(3));
    }
    return second;
  }

  /**
   * What makes the second process an instance of this portal: this one's database (its connections
   * named {@value #SECOND}), secret key and FlashBlade; none of the embedded default's services,
   * which this JVM runs already (a second simulator or PostgreSQL would be another installation);
   * and eager polling for jobs.
   */
  private Map<String, String> sameInstallation() {
    Map<String, String> settings = new LinkedHashMap<>();
    String url = environment.getRequiredProperty("spring.datasource.url");
    settings.put(
        "spring.datasource.url",
        url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + SECOND);
    settings.put(
        "spring.datasource.username",
        environment.getRequiredProperty("spring.datasource.username"));
    settings.put(
        "spring.datasource.password", environment.getProperty("spring.datasource.password", ""));
    settings.put("portal.secret-key", secretKey());
    for (String key :
        List.of("url", "api-token", "ca-certificate", "data-endpoint", "file-system-bind-root")) {
      String property = "portal.storage.flashblade." + key;
      settings.put(property, environment.getRequiredProperty(property));
    }
    settings.put("portal.embedded-postgres.enabled", "false");
    settings.put("portal.flashbladesim.enabled", "false");
    settings.put(
        "portal.data-dir",
        Path.of("target", "portal-processes", SECOND + "-data").toAbsolutePath().toString());
    settings.put("portal.scheduler.polling-interval", "100ms");
    settings.put("portal.scheduler.threads", "4");
    return settings;
  }

  /** The key this instance encrypts secrets with: the embedded default's, in its data folder. */
  private String secretKey() {
    Path file = Path.of(environment.getRequiredProperty("portal.data-dir"), "secret.key");
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WorkspaceView request(String prefix) {
    String name = prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    return workspaces.request(
        new WorkspaceRequest(
            name, null, WorkspaceFixtures.STORAGE_TEMPLATE, 1, false, Retention.ERADICATE, null),
        owner);
  }

  private WorkspaceView awaitStatus(UUID id, WorkspaceStatus expected, Duration timeout) {
    return WorkspaceFixtures.awaitView(
        workspaces, ADMIN, id, ws -> ws.status() == expected, timeout, Duration.ofMillis(50));
  }
}
