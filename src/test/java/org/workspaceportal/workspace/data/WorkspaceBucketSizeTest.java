package org.workspaceportal.workspace.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.testsupport.Pause.sleep;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.TeamForm;
import org.workspaceportal.identity.TeamService;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * A template's bucket size reaches the array: an approved workspace of it gets a bucket with that
 * hard quota on the (simulated) FlashBlade, keeps its size when the template changes later, and a
 * workspace of a template without one gets a bucket without a quota (the test configuration sets no
 * adapter default).
 */
@PortalIntegrationTest
class WorkspaceBucketSizeTest {

  private static final CurrentUser ADMIN = new CurrentUser("bucket-size-admin", true);

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired CredentialService credentials;
  @Autowired IdentityService identity;
  @Autowired FlashBladeSimulator sim;
  @Autowired JdbcTemplate jdbc;
  @Autowired TeamService teams;

  private CurrentUser owner;

  @BeforeEach
  void newOwner() {
    owner = IdentityFixtures.userWithRoom(identity, "bucket");
  }

  @Test
  void aWorkspaceOfASizedTemplateGetsABucketWithThatHardQuotaAndKeepsItWhenTheTemplateChanges() {
    String template = "sized-" + WorkspaceFixtures.uniqueName();
    // storage-only (no cluster), as TestTemplates makes its template: the admin form makes Spark
    // ones
    jdbc.update(
        "insert into workspace_templates (id, name, description, image, spark_version,"
            + " default_workers, max_workers, worker_cores, worker_memory_mb, is_default, enabled,"
            + " created_at, cluster, bucket_quota_gib) values (gen_random_uuid(), ?, 'sized', 'none',"
            + " '-', 1, 1, 1, 256, false, true, now(), false, 3)",
        template);
    TemplateView sized =
        templates.list().stream().filter(t -> t.name().equals(template)).findFirst().orElseThrow();
    assertThat(sized.bucketQuotaGiB()).isEqualTo(3);

    WorkspaceView ws = readyWorkspace(template, Retention.KEEP);
    WorkspaceCredentials c = credentials.reveal(ws.id(), owner, "test");
    assertThat(sim.bucketHardQuota(c.bucket())).hasValue(3L << 30);
    assertThat(workspaces.get(ws.id(), owner).bucketQuotaGiB()).isEqualTo(3);

    TemplateForm bigger = TemplateForm.of(sized);
    templates.update(
        sized.id(),
        new TemplateForm(
            bigger.name(),
            bigger.description(),
            bigger.image(),
            bigger.sparkVersion(),
            bigger.defaultWorkers(),
            bigger.maxWorkers(),
            bigger.workerCores(),
            bigger.workerMemoryMb(),
            bigger.idleStopMinutes(),
            bigger.poolSize(),
            50),
        "test");
    assertThat(templates.get(sized.id()).bucketQuotaGiB()).isEqualTo(50);
    assertThat(workspaces.get(ws.id(), owner).bucketQuotaGiB())
        .as("a workspace keeps the size it was made with")
        .isEqualTo(3);
    WorkspaceView unsized = readyWorkspace(WorkspaceFixtures.STORAGE_TEMPLATE, Retention.DESTROY);
    assertThat(unsized.bucketQuotaGiB()).isNull();
    assertThat(sim.bucketHardQuota(credentials.reveal(unsized.id(), owner, "test").bucket()))
        .isEmpty();

    // a bucket kept at deletion still holds its bytes: it stays on its team's storage count
    String team = "kept-" + WorkspaceFixtures.uniqueName();
    teams.create(new TeamForm(team, null, owner.username(), null, null, 100, null, null), "test");
    assertThat(storageUsed()).isEqualTo(3);
    workspaces.delete(ws.id(), owner);
    awaitStatus(ws.id(), WorkspaceStatus.DELETED);
    assertThat(storageUsed()).as("the kept bucket still counts").isEqualTo(3);
    WorkspaceView destroyed = readyWorkspace(template, Retention.DESTROY);
    assertThat(storageUsed()).as("its template is 50 GiB now").isEqualTo(53);
    workspaces.delete(destroyed.id(), owner);
    awaitStatus(destroyed.id(), WorkspaceStatus.DELETED);
    assertThat(storageUsed()).as("a destroyed bucket no longer counts").isEqualTo(3);
    templates.setEnabled(sized.id(), false, "test");
  }

  private long storageUsed() {
    return workspaces.quotaOf(owner.username()).teams().getFirst().usedStorageGiB();
  }

  private WorkspaceView readyWorkspace(String template, Retention retention) {
    WorkspaceView ws =
        workspaces.request(
            new WorkspaceRequest(
                WorkspaceFixtures.uniqueName(), null, template, null, null, retention, null),
            owner);
    workspaces.approve(ws.id(), ADMIN);
    return awaitStatus(ws.id(), WorkspaceStatus.READY);
  }

  private WorkspaceView awaitStatus(UUID id, WorkspaceStatus expected) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    WorkspaceView ws = workspaces.get(id, ADMIN);
    while (ws.status() != expected && Instant.now().isBefore(deadline)) {
      sleep(50);
      ws = workspaces.get(id, ADMIN);
    }
    assertThat(ws.status())
        .as("status of %s (reason: %s, steps: %s)", ws.name(), ws.statusReason(), ws.steps())
        .isEqualTo(expected);
    return ws;
  }
}
