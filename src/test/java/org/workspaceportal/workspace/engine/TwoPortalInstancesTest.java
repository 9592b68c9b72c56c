package org.workspaceportal.workspace.engine;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
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
import org.workspaceportal.flashbladesim.FaultInjector;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.scheduling.JobScheduler;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.Pause;
import org.workspaceportal.testsupport.PortalProcess;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.WorkspaceCredentials;
import org.workspaceportal.workspace.engine.StepStarts.Start;

/**
 * Two portal instances on one database, as in production: this test's application context is the
 * first, and a second JVM started from the same class path ({@link PortalProcess}) is the other, on
 * the same embedded PostgreSQL, with the same secret key and the same FlashBlade simulator (which
 * runs in this JVM, so its fault injection slows both). Which instance ran which step is read from
 * the database ({@link StepStarts}): each instance's connections carry a name of their own.
 *
 * <p>Starting a JVM takes 10 to 20 s here, so the tests share one second instance, started by
 * whichever needs it first; the test that kills it ({@code kill -9}, mid-step) runs last.
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
  @Autowired JobScheduler scheduler;
  @Autowired DataSource dataSource;
  @Autowired CredentialService credentials;

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
    FaultInjector.of(sim).reset();
  }

  @Test
  @Order(1)
  void twoInstancesOnOneDatabaseNeverRunTheSameStepTwice() {
    second();
    // Every management call a little slow: a job then outlasts the second instance's polling
    // interval, so neither instance empties the queue before the other looks.
    FaultInjector.of(sim).latency(Duration.ofMillis(20));
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

  @Test
  @Order(2)
  void aPortalKilledMidStepIsTakenOverByTheOtherWithNothingDuplicated() throws SQLException {
    PortalProcess other = second();
    WorkspaceView ws = request("killed");
    String user = account(ws) + "/spark";
    sim.clearCalls();
    // Only the second instance runs jobs until it holds this one: this instance's scheduler
    // pauses meanwhile. Every call to the array is slow enough for the test to act between steps.
    scheduler.stop();
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try {
        FaultInjector.of(sim).latency(Duration.ofMillis(300));
        workspaces.approve(ws.id(), ADMIN);
        // The storage record exists from the first storage step on. Holding it makes the second
        // instance wait, once it has made the access key on the array, to record the key: it is
        // mid-step, the key's secret only in its memory.
        awaitTrue(() -> storageRecorded(ws.id()), "the storage record exists");
        lockStorageRecord(lock, ws.id());
        assertThat(storedKey(ws.id())).as("locked before the key was recorded").isNull();
        awaitTrue(() -> !sim.accessKeyIds(user).isEmpty(), "the key exists on the array");
        awaitTrue(this::secondWaitsForTheLock, "the second instance waits to record the key");
        assertThat(starts.of(List.of(ws.id())))
            .last()
            .isEqualTo(start(ws, StepKind.ACCESS_KEY, 1, SECOND));
        FaultInjector.of(sim).reset();
        scheduler.start(); // back before the other dies, as in production

        other.killHard();
      } finally {
        lock.rollback();
        FaultInjector.of(sim).reset();
        scheduler.start(); // no-op when running
      }
    }

    // The dead instance's claim expires (its heartbeats stop) and this one takes the job over.
    WorkspaceView ready = awaitStatus(ws.id(), WorkspaceStatus.READY, Duration.ofSeconds(90));
    assertThat(ready.steps()).extracting(StepView::status).containsOnly(StepStatus.SUCCEEDED);
    List<Start> started = starts.of(List.of(ws.id()));
    assertThat(started)
        .filteredOn(s -> s.kind() == StepKind.ACCESS_KEY)
        .as("the interrupted step, started by the killed instance and again by this one")
        .containsExactly(
            start(ws, StepKind.ACCESS_KEY, 1, SECOND), start(ws, StepKind.ACCESS_KEY, 2, first));
    assertThat(started)
        .filteredOn(s -> s.kind() == StepKind.BUCKET || s.kind() == StepKind.VERIFY)
        .extracting(Start::instance, Start::attempt)
        .as("the steps after it, by this instance, once each")
        .containsExactly(tuple(first, 1), tuple(first, 1));
    // Nothing twice: the key the killed instance made (and never recorded) is gone, the one made
    // in its place is the workspace's (VERIFY proved its stored secret over S3), one bucket.
    WorkspaceCredentials c = credentials.reveal(ws.id(), owner, "test");
    assertThat(sim.accessKeyIds(user)).containsExactly(c.accessKeyId());
    assertThat(sim.callCount("POST", "object-store-access-keys")).isEqualTo(2);
    assertThat(sim.callCount("DELETE", "object-store-access-keys")).isEqualTo(1);
    assertThat(sim.buckets()).filteredOn(b -> b.account().equals(account(ws))).hasSize(1);
    assertThat(sim.callCount("POST", "buckets")).isEqualTo(1);
  }

  /** The second instance, started if it is not running. */
  private PortalProcess second() {
    if (second == null || !second.isAlive()) {
      second =
          PortalProcess.start(
              SECOND, PortalProcess.sameInstallationAs(environment, SECOND), Duration.ofMinutes(3));
    }
    return second;
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

  private boolean storageRecorded(UUID id) {
    return jdbc.queryForObject(
            "select count(*) from workspace_storage where workspace_id = ?", Long.class, id)
        > 0;
  }

  private String storedKey(UUID id) {
    return jdbc.queryForObject(
        "select access_key_id from workspace_storage where workspace_id = ?", String.class, id);
  }

  /** Takes the row lock that any change of the workspace's storage record has to wait for. */
  private static void lockStorageRecord(Connection lock, UUID id) throws SQLException {
    try (PreparedStatement select =
        lock.prepareStatement(
            "select workspace_id from workspace_storage where workspace_id = ? for update")) {
      select.setObject(1, id);
      select.executeQuery().close();
    }
  }

  /** Whether a connection of the second instance waits for a lock (ours) right now. */
  private boolean secondWaitsForTheLock() {
    return jdbc.queryForObject(
            "select count(*) from pg_stat_activity where application_name = ? and wait_event_type = 'Lock'",
            Long.class,
            SECOND)
        > 0;
  }

  private Start start(WorkspaceView ws, StepKind kind, int attempt, String instance) {
    long stepId =
        jdbc.queryForObject(
            "select id from workspace_steps where workspace_id = ? and kind = ?",
            Long.class,
            ws.id(),
            kind.name());
    return new Start(stepId, ws.id(), kind, attempt, instance);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    Pause.until(condition, what, Duration.ofSeconds(60), Duration.ofMillis(20));
  }

  private static String account(WorkspaceView ws) {
    return "ws-" + ws.id().toString().replace("-", "").substring(0, 12);
  }
}
