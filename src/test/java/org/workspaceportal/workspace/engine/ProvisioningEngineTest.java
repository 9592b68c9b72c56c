package org.workspaceportal.workspace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workspaceportal.testsupport.Pause.sleep;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.flashbladesim.FaultInjector;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.flashbladesim.SimulatedBucket;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.scheduling.JobScheduler;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.DeletionRetryRequiredException;
import org.workspaceportal.workspace.IllegalTransitionException;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.CredentialsNotAvailableException;
import org.workspaceportal.workspace.data.WorkspaceCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The provisioning engine end to end: real PostgreSQL, real db-scheduler, the FlashBlade adapter
 * over HTTPS against the simulator, and S3 calls on the simulator's S3Proxy data plane.
 */
@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProvisioningEngineTest {

  private static final CurrentUser ADMIN = new CurrentUser("engine-admin", true);

  @Autowired WorkspaceService workspaces;
  @Autowired CredentialService credentials;
  @Autowired IdentityService identity;
  @Autowired FlashBladeSimulator sim;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;
  @Autowired JobScheduler scheduler;

  private CurrentUser owner;

  @BeforeEach
  void newOwner() {
    owner = IdentityFixtures.userWithRoom(identity, "eng");
  }

  @AfterEach
  void clearFaults() {
    FaultInjector.of(sim).reset();
  }

  @Test
  void approvingARequestProvisionsStorageThatWorksOverS3(CapturedOutput output) {
    WorkspaceView ws = approve(request("ready", Retention.DESTROY, false));

    WorkspaceView ready = awaitStatus(ws.id(), WorkspaceStatus.READY);
    assertThat(ready.steps()).extracting(StepView::status).containsOnly(StepStatus.SUCCEEDED);
    assertThat(ready.steps()).extracting(StepView::attempts).containsOnly(1);
    WorkspaceCredentials c = credentials.reveal(ws.id(), owner, "test");
    assertThat(sim.buckets()).contains(new SimulatedBucket(c.bucket(), account(ws), false));
    assertThat(sim.accessKeyIds(account(ws) + "/spark")).containsExactly(c.accessKeyId());
    try (S3Client s3 = s3(c)) {
      s3.putObject(b -> b.bucket(c.bucket()).key("hello.txt"), RequestBody.fromString("hi"));
      assertThat(s3.getObjectAsBytes(b -> b.bucket(c.bucket()).key("hello.txt")).asUtf8String())
          .isEqualTo("hi");
    }
    assertThat(c.envFile())
        .contains("AWS_SECRET_ACCESS_KEY=" + c.secretAccessKey())
        .doesNotContain("AWS_SECRET_ACCESS_KEY_ID");
    assertThat(c.sparkDefaults()).contains("spark.hadoop.fs.s3a.secret.key").contains(c.endpoint());
    // secrets: never in the logs, encrypted in the database, every reveal audited
    assertThat(output.getAll()).doesNotContain(c.secretAccessKey());
    assertThat(
            jdbc.queryForObject(
                "select secret_ciphertext from workspace_storage where workspace_id = ?",
                String.class,
                ws.id()))
        .startsWith("v1:")
        .doesNotContain(c.secretAccessKey());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where action = 'credentials.revealed' and target = ?",
                Long.class,
                owner.username() + "/" + ws.name()))
        .isEqualTo(1);
    assertThat(meters.find("portal.workspace.step.duration").tag("step", "bucket").timer())
        .isNotNull();
  }

  @Test
  void onlyTheOwnerGetsTheSecretAndOnlyWhileTheWorkspaceIsUsable() {
    WorkspaceView ws = request("owner-only", Retention.ERADICATE, false);
    assertThatThrownBy(() -> credentials.reveal(ws.id(), owner, "test"))
        .isInstanceOf(CredentialsNotAvailableException.class);
    approve(ws);
    awaitStatus(ws.id(), WorkspaceStatus.READY);

    assertThatThrownBy(() -> credentials.reveal(ws.id(), ADMIN, "test"))
        .isInstanceOf(NotFoundException.class);
    assertThat(credentials.storageInfo(ws.id(), ADMIN))
        .get()
        .satisfies(info -> assertThat(info.secretAvailable()).isTrue());
  }

  @Test
  void oneWorkspacesKeyCannotReachAnotherWorkspacesBucket() {
    WorkspaceView a = approve(request("iso-a", Retention.ERADICATE, false));
    WorkspaceView b = approve(request("iso-b", Retention.ERADICATE, false));
    awaitStatus(a.id(), WorkspaceStatus.READY);
    awaitStatus(b.id(), WorkspaceStatus.READY);
    WorkspaceCredentials ca = credentials.reveal(a.id(), owner, "test");
    WorkspaceCredentials cb = credentials.reveal(b.id(), owner, "test");

    try (S3Client s3 = s3(ca)) {
      assertThatThrownBy(
              () -> s3.putObject(r -> r.bucket(cb.bucket()).key("x"), RequestBody.fromString("x")))
          .isInstanceOf(S3Exception.class);
      assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket(cb.bucket())))
          .isInstanceOf(S3Exception.class);
      // nor list the array's buckets: a workspace's key holds no bucket-list policy
      assertThatThrownBy(s3::listBuckets)
          .isInstanceOfSatisfying(
              S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }
  }

  @Test
  void transientFaultsAreRetriedAndTheWorkspaceStillBecomesReady() {
    // The engine is the one retry layer: each attempt of the step sends the POST once.
    FaultInjector.of(sim).failNext(3, "POST", "/buckets", 503);
    WorkspaceView ws = approve(request("flaky", Retention.ERADICATE, false));

    WorkspaceView ready = awaitStatus(ws.id(), WorkspaceStatus.READY);
    StepView bucket =
        ready.steps().stream().filter(s -> s.kind() == StepKind.BUCKET).findFirst().orElseThrow();
    assertThat(bucket.attempts())
        .as("three failed attempts, then one that went through")
        .isEqualTo(4);
    assertThat(bucket.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(sim.buckets()).filteredOn(bk -> bk.account().equals(account(ws))).hasSize(1);
  }

  @Test
  void aPermanentFaultFailsTheWorkspaceWithAClearReasonAndDeleteLeavesNothing() {
    FaultInjector.of(sim).failNext(1, "POST", "/buckets", 400);
    WorkspaceView ws = approve(request("doomed", Retention.ERADICATE, true));

    WorkspaceView failed = awaitStatus(ws.id(), WorkspaceStatus.FAILED);
    assertThat(failed.statusReason()).contains("Create the bucket").contains("retry");

    workspaces.delete(ws.id(), owner);
    awaitStatus(ws.id(), WorkspaceStatus.DELETED);
    assertNothingLeftFor(ws);
  }

  @Test
  void aFailedDeletionIsRetriedByDeletingAgainNotByProvisioning() {
    WorkspaceView ws = approve(request("undeletable", Retention.ERADICATE, false));
    awaitStatus(ws.id(), WorkspaceStatus.READY);
    FaultInjector.of(sim).failNext(1, "PATCH", "/buckets", 400);
    workspaces.delete(ws.id(), owner);
    WorkspaceView failed = awaitStatus(ws.id(), WorkspaceStatus.FAILED);
    assertThat(failed.failedDuringDeletion()).isTrue();

    assertThatThrownBy(() -> workspaces.retry(ws.id(), ADMIN))
        .isInstanceOf(DeletionRetryRequiredException.class);
    assertThatThrownBy(() -> workspaces.approve(ws.id(), ADMIN))
        .isInstanceOf(IllegalTransitionException.class);
    workspaces.delete(ws.id(), owner);
    awaitStatus(ws.id(), WorkspaceStatus.DELETED);
    assertNothingLeftFor(ws);
  }

  @Test
  void anUnexpectedErrorInAStepFailsTheWorkspaceAfterItsAttemptsInsteadOfHangingForever() {
    WorkspaceView ws = approve(request("corrupt", Retention.ERADICATE, false));
    awaitStatus(ws.id(), WorkspaceStatus.READY);
    // As if PORTAL_SECRET_KEY had changed: the stored secret no longer decrypts when VERIFY runs.
    jdbc.update(
        "update workspace_storage set secret_ciphertext = 'v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAA' where workspace_id = ?",
        ws.id());
    jdbc.update("update workspaces set status = 'PROVISIONING' where id = ?", ws.id());
    jdbc.update(
        "update workspace_steps set status = 'PENDING', attempts = 0 where workspace_id = ? and kind = 'VERIFY'",
        ws.id());
    scheduler.queue(WorkspaceJob.instance(ws.id()));

    WorkspaceView failed = awaitStatus(ws.id(), WorkspaceStatus.FAILED);
    assertThat(failed.statusReason())
        .contains("Check the new key works")
        .contains("Unexpected error");
    assertThat(failed.steps())
        .filteredOn(s -> s.kind() == StepKind.VERIFY)
        .singleElement()
        .satisfies(s -> assertThat(s.attempts()).isEqualTo(5));
  }

  @Test
  void keepRetentionLeavesTheBucketAndItsAccountButNoUserOrKey() {
    WorkspaceView ws = readyThenDeleted("keep", Retention.KEEP);
    String account = account(ws);
    assertThat(sim.buckets())
        .filteredOn(b -> b.account().equals(account))
        .singleElement()
        .satisfies(b -> assertThat(b.destroyed()).isFalse());
    assertThat(sim.accounts()).anyMatch(a -> a.name().equals(account));
    assertThat(sim.users()).noneMatch(u -> u.account().equals(account));
  }

  @Test
  void destroyRetentionLeavesADestroyedRecoverableBucket() {
    String second = "second-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    WorkspaceView ws =
        readyThenDeleted(
            "destroy",
            Retention.DESTROY,
            c -> {
              // a key that could make buckets would leave them live behind the delete, keeping
              // the account and their data: the workspace's key cannot
              try (S3Client s3 = s3(c)) {
                assertThatThrownBy(() -> s3.createBucket(b -> b.bucket(second)))
                    .isInstanceOfSatisfying(
                        S3Exception.class,
                        e -> {
                          assertThat(e.statusCode()).isEqualTo(403);
                          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        });
              }
            });
    String account = account(ws);
    assertThat(sim.buckets())
        .filteredOn(b -> b.account().equals(account))
        .as("no bucket of the account but the workspace's, and that one destroyed")
        .singleElement()
        .satisfies(b -> assertThat(b.destroyed()).isTrue());
    assertThat(sim.buckets()).noneMatch(b -> b.name().equals(second));
    assertThat(sim.users()).noneMatch(u -> u.account().equals(account));
    assertThat(sim.fileSystems())
        .filteredOn(f -> f.name().startsWith(account))
        .allMatch(f -> f.destroyed());
  }

  @Test
  void eradicateRetentionLeavesNothing() {
    WorkspaceView ws = readyThenDeleted("eradicate", Retention.ERADICATE);
    assertNothingLeftFor(ws);
  }

  @Test
  void aJobWhoseInstanceDiedIsResumedWithoutDuplicatingAnything() {
    // The state a crash leaves: account, user and key recorded; the bucket created on the array but
    // its step still RUNNING; the job claimed by an instance that stopped sending heartbeats.
    WorkspaceView ws = approve(request("crash", Retention.ERADICATE, false));
    awaitStatus(ws.id(), WorkspaceStatus.READY);
    WorkspaceCredentials before = credentials.reveal(ws.id(), owner, "test");
    jdbc.update("update workspaces set status = 'PROVISIONING' where id = ?", ws.id());
    jdbc.update(
        "update workspace_steps set status = 'RUNNING', finished_at = null where workspace_id = ? and kind in ('BUCKET', 'VERIFY')",
        ws.id());
    jdbc.update(
        "update workspace_steps set status = 'PENDING', attempts = 0 where workspace_id = ? and kind = 'VERIFY'",
        ws.id());
    sim.clearCalls();
    jdbc.update(
        "insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by, last_heartbeat, version)"
            + " values ('workspace-job', ?, null, now() - interval '1 hour', true, 'dead-instance', now() - interval '1 hour', 1)",
        ws.id().toString());

    awaitStatus(ws.id(), WorkspaceStatus.READY, Duration.ofSeconds(90));
    // What the resume left, read afresh once the resumed job has ended (so nothing of it is still
    // on its way): not the view from before the crash, nor the one that first showed READY again.
    awaitJobGone(ws.id());
    WorkspaceView resumed = workspaces.get(ws.id(), ADMIN);
    assertThat(resumed.status()).isEqualTo(WorkspaceStatus.READY);
    assertThat(resumed.steps()).extracting(StepView::status).containsOnly(StepStatus.SUCCEEDED);
    assertThat(resumed.steps())
        .filteredOn(s -> s.kind() == StepKind.BUCKET)
        .singleElement()
        .as("the interrupted step ran once more")
        .satisfies(s -> assertThat(s.attempts()).isEqualTo(2));
    assertThat(resumed.steps())
        .filteredOn(s -> s.kind() == StepKind.VERIFY)
        .singleElement()
        .satisfies(s -> assertThat(s.attempts()).isEqualTo(1));
    assertThat(sim.callCount("POST", "buckets")).isZero();
    assertThat(sim.callCount("POST", "object-store-access-keys")).isZero();
    assertThat(sim.buckets()).filteredOn(b -> b.name().equals(before.bucket())).hasSize(1);
    WorkspaceCredentials after = credentials.reveal(ws.id(), owner, "test");
    assertThat(after.bucket()).isEqualTo(before.bucket());
    assertThat(after.accessKeyId()).isEqualTo(before.accessKeyId());
  }

  /** Waits until the workspace's job has removed itself (its operation is complete). */
  private void awaitJobGone(UUID id) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (jobRows(id) > 0 && Instant.now().isBefore(deadline)) {
      sleep(50);
    }
    assertThat(jobRows(id)).as("rows of the job of %s", id).isZero();
  }

  private long jobRows(UUID id) {
    return jdbc.queryForObject(
        "select count(*) from scheduled_tasks where task_name = 'workspace-job' and task_instance = ?",
        Long.class,
        id.toString());
  }

  @Test
  void fiftyApprovalsAtOnceAllBecomeReadyWithNothingDuplicated() {
    sim.clearCalls();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(request("many-" + i, Retention.ERADICATE, false).id());
    }
    ids.parallelStream().forEach(id -> workspaces.approve(id, ADMIN));

    for (UUID id : ids) {
      awaitStatus(id, WorkspaceStatus.READY, Duration.ofSeconds(120));
    }
    assertThat(sim.callCount("POST", "object-store-accounts")).isEqualTo(50);
    assertThat(sim.callCount("POST", "object-store-access-keys")).isEqualTo(50);
    assertThat(sim.callCount("POST", "buckets")).isEqualTo(50);
    for (UUID id : ids) {
      assertThat(
              sim.accessKeyIds("ws-" + id.toString().replace("-", "").substring(0, 12) + "/spark"))
          .hasSize(1);
    }
  }

  private WorkspaceView readyThenDeleted(String name, Retention retention) {
    return readyThenDeleted(name, retention, null);
  }

  /** {@code whileReady}, if not null, gets the workspace's credentials before it is deleted. */
  private WorkspaceView readyThenDeleted(
      String name, Retention retention, Consumer<WorkspaceCredentials> whileReady) {
    WorkspaceView ws = approve(request(name, retention, true));
    awaitStatus(ws.id(), WorkspaceStatus.READY);
    if (whileReady != null) {
      whileReady.accept(credentials.reveal(ws.id(), owner, "test"));
    }
    workspaces.delete(ws.id(), owner);
    WorkspaceView deleted = awaitStatus(ws.id(), WorkspaceStatus.DELETED);
    assertThat(deleted.steps())
        .filteredOn(s -> s.operation() == Operation.TEARDOWN)
        .extracting(StepView::status)
        .containsOnly(StepStatus.SUCCEEDED);
    assertThatThrownBy(() -> credentials.reveal(ws.id(), owner, "test"))
        .isInstanceOf(CredentialsNotAvailableException.class);
    return deleted;
  }

  private void assertNothingLeftFor(WorkspaceView ws) {
    String account = account(ws);
    assertThat(sim.accounts()).noneMatch(a -> a.name().equals(account));
    assertThat(sim.users()).noneMatch(u -> u.account().equals(account));
    assertThat(sim.buckets()).noneMatch(b -> b.account().equals(account));
    assertThat(sim.fileSystems()).noneMatch(f -> f.name().startsWith(account));
  }

  private WorkspaceView request(String prefix, Retention retention, boolean datahub) {
    String name = prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    return workspaces.request(
        new WorkspaceRequest(
            name, null, WorkspaceFixtures.STORAGE_TEMPLATE, 1, datahub, retention, null),
        owner);
  }

  private WorkspaceView approve(WorkspaceView ws) {
    return workspaces.approve(ws.id(), ADMIN);
  }

  private static String account(WorkspaceView ws) {
    return "ws-" + ws.id().toString().replace("-", "").substring(0, 12);
  }

  private WorkspaceView awaitStatus(UUID id, WorkspaceStatus expected) {
    return awaitStatus(id, expected, Duration.ofSeconds(60));
  }

  private WorkspaceView awaitStatus(UUID id, WorkspaceStatus expected, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    WorkspaceView ws = workspaces.get(id, ADMIN);
    Predicate<WorkspaceView> done = w -> w.status() == expected;
    while (!done.test(ws) && Instant.now().isBefore(deadline)) {
      sleep(50);
      ws = workspaces.get(id, ADMIN);
    }
    assertThat(ws.status())
        .as("status of %s (reason: %s, steps: %s)", ws.name(), ws.statusReason(), ws.steps())
        .isEqualTo(expected);
    return ws;
  }

  private static S3Client s3(WorkspaceCredentials c) {
    return S3Client.builder()
        .endpointOverride(URI.create(c.endpoint()))
        .region(Region.of(c.region()))
        .forcePathStyle(true)
        // FlashBlade (and S3Proxy) do not take the SDK's default flexible checksums on every
        // upload.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
        .build();
  }
}
