package org.workspaceportal.workspace.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * A step may wait for something outside the portal without failing: the real engine and scheduler,
 * with {@link ScriptedSteps} making one step of one workspace answer "check again".
 */
@PortalIntegrationTest
class EngineWaitTest {

  private static final CurrentUser ADMIN = new CurrentUser("wait-admin", true);

  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired ScriptedSteps scripted;

  private CurrentUser owner;

  @BeforeEach
  void newOwner() {
    String name = "wait" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    identity.createUser(new NewUser(name, "password-123", Role.USER), "test");
    owner = new CurrentUser(name, false);
  }

  @Test
  void aStepThatAsksToBeCheckedAgainIsRerunAfterItsDelayWithoutUsingAnAttempt() {
    String name = uniqueName("waits");
    StepOutcome wait =
        StepOutcome.checkAgain(
            Duration.ofMillis(300), "waiting for the test", Duration.ofMinutes(1));
    scripted.script(name, StepKind.BUCKET, wait, wait, wait);

    WorkspaceView ws = approve(name);
    WorkspaceView waiting =
        awaitUntil(
            ws.id(),
            w -> w.steps().stream().anyMatch(s -> s.status() == StepStatus.WAITING),
            Duration.ofSeconds(30));
    StepView bucket = step(waiting, StepKind.BUCKET);
    assertThat(bucket.waitingFor()).isEqualTo("waiting for the test");
    assertThat(bucket.waitingSince()).isNotNull();
    assertThat(waiting.status()).isEqualTo(WorkspaceStatus.PROVISIONING);

    WorkspaceView ready =
        awaitUntil(ws.id(), w -> w.status() == WorkspaceStatus.READY, Duration.ofSeconds(60));
    StepView done = step(ready, StepKind.BUCKET);
    assertThat(done.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(done.attempts()).as("waits use no attempt").isEqualTo(1);
    assertThat(done.waitingFor()).isNull();
    assertThat(scripted.realRuns(name, StepKind.BUCKET)).isEqualTo(1);
  }

  @Test
  void aLongerWaitGoesBackThroughTheQueueAndStillCompletes() {
    String name = uniqueName("waits-long");
    // longer than the engine's inline-wait limit (3 s): the job is rescheduled, not slept
    scripted.script(
        name,
        StepKind.ACCOUNT,
        StepOutcome.checkAgain(
            Duration.ofSeconds(4), "waiting in the queue", Duration.ofMinutes(1)));

    WorkspaceView ws = approve(name);

    WorkspaceView ready =
        awaitUntil(ws.id(), w -> w.status() == WorkspaceStatus.READY, Duration.ofSeconds(60));
    assertThat(step(ready, StepKind.ACCOUNT).attempts()).isEqualTo(1);
    assertThat(ready.steps()).extracting(StepView::status).containsOnly(StepStatus.SUCCEEDED);
  }

  @Test
  void aWaitPastItsTimeoutFailsTheWorkspaceWithItsReason() {
    String name = uniqueName("waits-forever");
    scripted.always(
        name,
        StepKind.VERIFY,
        StepOutcome.checkAgain(
            Duration.ofMillis(200), "waiting for a worker to register", Duration.ofSeconds(1)));

    WorkspaceView ws = approve(name);

    WorkspaceView failed =
        awaitUntil(ws.id(), w -> w.status() == WorkspaceStatus.FAILED, Duration.ofSeconds(60));
    assertThat(failed.statusReason())
        .contains("Check the new key works")
        .contains("Still waiting for a worker to register after 1 s; gave up.")
        .contains("(scripted by the test)");
    StepView verify = step(failed, StepKind.VERIFY);
    assertThat(verify.status()).isEqualTo(StepStatus.FAILED);
    assertThat(verify.attempts()).isEqualTo(1);
    // a failed wait is cleaned up like any failure
    workspaces.delete(ws.id(), owner);
    awaitUntil(ws.id(), w -> w.status() == WorkspaceStatus.DELETED, Duration.ofSeconds(60));
  }

  private WorkspaceView approve(String name) {
    WorkspaceView ws =
        workspaces.request(
            new WorkspaceRequest(
                name,
                null,
                WorkspaceFixtures.STORAGE_TEMPLATE,
                1,
                false,
                Retention.ERADICATE,
                null),
            owner);
    return workspaces.approve(ws.id(), ADMIN);
  }

  private static String uniqueName(String prefix) {
    return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
  }

  private static StepView step(WorkspaceView ws, StepKind kind) {
    return ws.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
  }

  private WorkspaceView awaitUntil(UUID id, Predicate<WorkspaceView> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    WorkspaceView ws = workspaces.get(id, ADMIN);
    while (!condition.test(ws) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ws = workspaces.get(id, ADMIN);
    }
    assertThat(condition.test(ws))
        .as(
            "condition on %s (status %s, reason %s, steps %s)",
            ws.name(), ws.status(), ws.statusReason(), ws.steps())
        .isTrue();
    return ws;
  }
}
