package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.Leftovers;
import org.workspaceportal.testsupport.Pause;
import org.workspaceportal.testsupport.Requirement;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * Real workspaces on real engines, for the tests that run clusters: a new owner, requests through
 * one template (this checkout's exact image tag, the default template, or a test's own), approval,
 * waiting for a status, a portal crash in the middle of an operation, and a clean-up after every
 * test that deletes through the portal (so that the hosts' cores and ports are free for the next
 * test) and then puts away whatever is left ({@link Leftovers}).
 */
public final class LiveWorkspaces {

  public static final CurrentUser ADMIN = new CurrentUser("live-workspaces-admin", true);
  static final Duration UP_TO = Duration.ofMinutes(5);

  private final WorkspaceService workspaces;
  private final JdbcTemplate jdbc;
  private final String template;
  private final CurrentUser owner;
  private final List<UUID> made = new ArrayList<>();

  private LiveWorkspaces(
      WorkspaceService workspaces, JdbcTemplate jdbc, String template, CurrentUser owner) {
    this.workspaces = workspaces;
    this.jdbc = jdbc;
    this.template = template;
    this.owner = owner;
  }

  /**
   * Requires the engine to have this checkout's image (skips, or fails under CI, otherwise) and
   * makes its template and a new owner.
   */
  public static LiveWorkspaces ofThisCheckout(
      WorkspaceService workspaces,
      TemplateService templates,
      IdentityService identity,
      JdbcTemplate jdbc) {
    String image = requireImageOfThisCheckout();
    return on(templateFor(templates, image), workspaces, identity, jdbc);
  }

  /**
   * Requires the engine to have the image the default template names (skips, or fails under CI,
   * otherwise) and makes a new owner.
   */
  public static LiveWorkspaces ofTheDefaultTemplate(
      WorkspaceService workspaces, IdentityService identity, JdbcTemplate jdbc) {
    Requirement.require("the workspace image", DockerCli.workspaceImageMissing());
    return on(WorkspaceFixtures.DEFAULT_TEMPLATE, workspaces, identity, jdbc);
  }

  /** A new owner, requesting through the named template (the caller made sure of its image). */
  public static LiveWorkspaces on(
      String template, WorkspaceService workspaces, IdentityService identity, JdbcTemplate jdbc) {
    String name = "live" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    identity.createUser(new NewUser(name, "password-123", Role.USER), "test");
    return new LiveWorkspaces(workspaces, jdbc, template, new CurrentUser(name, false));
  }

  /**
   * The image of this checkout ({@link #imageOfThisCheckout()}), required on the machine's engine:
   * skips, or fails under CI, when it is missing.
   */
  public static String requireImageOfThisCheckout() {
    String image = imageOfThisCheckout();
    Requirement.require(
        "the workspace image of this checkout",
        DockerCli.run("image", "inspect", "--format", "{{.Id}}", image).exitCode() == 0
            ? null
            : "the engine lacks "
                + image
                + " (build it: sudo deploy/workspace-image/build-offline.sh --if-missing)");
    return image;
  }

  public CurrentUser owner() {
    return owner;
  }

  /** The workspaces this fixture requested, for a test that cleans up more than it does. */
  public List<UUID> made() {
    return List.copyOf(made);
  }

  /** The name of the template this fixture requests through. */
  public String template() {
    return template;
  }

  /** A name no other test uses: the prefix and a random number. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
  }

  /** Requested by the owner, not approved; deleted by {@link #cleanUp()}. */
  public WorkspaceView request(WorkspaceRequest request) {
    WorkspaceView ws = workspaces.request(request, owner);
    made.add(ws.id());
    return ws;
  }

  /**
   * Requested by the owner through this fixture's template with that many workers, no datahub,
   * ERADICATE and no expiry; not approved; deleted by {@link #cleanUp()}.
   */
  public WorkspaceView request(String prefix, int workers) {
    return request(
        new WorkspaceRequest(
            uniqueName(prefix), null, template, workers, false, Retention.ERADICATE, null));
  }

  public WorkspaceView approve(UUID id) {
    return workspaces.approve(id, ADMIN);
  }

  /** A workspace requested, approved and READY, deleted (with ERADICATE) by {@link #cleanUp()}. */
  public WorkspaceView ready(String prefix, int workers) {
    WorkspaceView ws = approved(prefix, workers);
    return await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
  }

  /**
   * A workspace of this fixture's template requested and approved, not waited for; deleted by
   * {@link #cleanUp()}.
   */
  public WorkspaceView approved(String prefix, int workers) {
    return approve(request(prefix, workers).id());
  }

  /**
   * A workspace of the named template requested and approved, not waited for; deleted by {@link
   * #cleanUp()}.
   */
  public WorkspaceView approved(String prefix, int workers, String templateName) {
    WorkspaceView ws =
        request(
            new WorkspaceRequest(
                uniqueName(prefix), null, templateName, workers, false, Retention.ERADICATE, null));
    return approve(ws.id());
  }

  /** Deletes it as its owner would and waits for DELETED. */
  public void delete(UUID id) {
    workspaces.delete(id, owner);
    await(id, w -> w.status() == WorkspaceStatus.DELETED);
  }

  /**
   * After every test, a failed one too: deletes what is not deleted through the portal, then puts
   * away whatever is left (the workspace marked DELETED, its ports and leases given back, its
   * containers and volumes on the machine's engine removed).
   */
  public void cleanUp() {
    for (UUID id : made) {
      try {
        WorkspaceStatus status = workspaces.get(id, ADMIN).status();
        if (status != WorkspaceStatus.DELETED && status != WorkspaceStatus.DELETING) {
          workspaces.delete(id, ADMIN);
        }
        await(id, w -> w.status() == WorkspaceStatus.DELETED, Duration.ofMinutes(2));
      } catch (RuntimeException | AssertionError e) {
        System.err.println("LiveWorkspaces: could not delete workspace " + id + ": " + e);
      } finally {
        Leftovers.remove(jdbc, id);
      }
    }
  }

  /** Waits up to {@link #UP_TO} for the workspace to meet the condition; returns it then. */
  public WorkspaceView await(UUID id, Predicate<WorkspaceView> condition) {
    return await(id, condition, UP_TO);
  }

  public WorkspaceView await(UUID id, Predicate<WorkspaceView> condition, Duration timeout) {
    return WorkspaceFixtures.awaitView(
        workspaces, ADMIN, id, condition, timeout, Duration.ofMillis(250));
  }

  /** Waits up to {@code timeout} for the condition, checking twice a second. */
  public static void awaitTrue(BooleanSupplier condition, String what, Duration timeout) {
    Pause.until(condition, what, timeout, Duration.ofMillis(500));
  }

  /**
   * Leaves the workspace's job as a portal instance that died mid-operation leaves it: claimed by
   * that instance, with whatever {@code partialWork} did (records and containers) done. While
   * {@code partialWork} runs, the claim's heartbeat is in the future, so no live instance runs or
   * queues the job (and the reconciler does not queue it again), however slow the machine; then the
   * heartbeat is an hour old, and a live instance takes the job over (db-scheduler's dead-execution
   * detection) and resumes it.
   */
  public void crashDuring(UUID id, Runnable partialWork) {
    // the job of the operation before has gone, else it could run the new state itself
    awaitTrue(
        () ->
            jdbc.queryForObject(
                    "select count(*) from scheduled_tasks where task_name = 'workspace-job'"
                        + " and task_instance = ?",
                    Long.class,
                    id.toString())
                == 0,
        "the job of workspace " + id + " finished",
        Duration.ofMinutes(1));
    assertThat(
            jdbc.update(
                "insert into scheduled_tasks (task_name, task_instance, task_data,"
                    + " execution_time, picked, picked_by, last_heartbeat, version) values"
                    + " ('workspace-job', ?, null, now(), true, 'dead-instance',"
                    + " now() + interval '10 minutes', 1)",
                id.toString()))
        .as("the job of workspace %s is claimed by the instance about to die", id)
        .isOne();
    try {
      partialWork.run();
    } finally {
      jdbc.update(
          "update scheduled_tasks set execution_time = now() - interval '1 hour',"
              + " last_heartbeat = now() - interval '1 hour'"
              + " where task_name = 'workspace-job' and task_instance = ?",
          id.toString());
    }
  }

  /**
   * Puts the records of a workspace whose operation completed back to where a crash in the middle
   * of it leaves them (for {@link #crashDuring}): the workspace in the operation's running status,
   * the step {@code running} of the operation's latest run RUNNING (started, not finished), and
   * {@code notRunYet} PENDING with no attempt.
   */
  public void rewind(UUID id, Operation operation, StepKind running, StepKind... notRunYet) {
    jdbc.update(
        "update workspaces set status = ? where id = ?", operation.runningStatus().name(), id);
    String thisRun =
        " where workspace_id = ? and operation = ?"
            + " and run = (select run from workspaces where id = ?)";
    assertThat(
            jdbc.update(
                "update workspace_steps set status = 'RUNNING', finished_at = null"
                    + thisRun
                    + " and kind = ?",
                id,
                operation.name(),
                id,
                running.name()))
        .isOne();
    for (StepKind kind : notRunYet) {
      assertThat(
              jdbc.update(
                  "update workspace_steps set status = 'PENDING', attempts = 0, finished_at = null"
                      + thisRun
                      + " and kind = ?",
                  id,
                  operation.name(),
                  id,
                  kind.name()))
          .isOne();
    }
  }

  /** The tag build-offline.sh gives this checkout's image (what CI built and exported). */
  public static String imageOfThisCheckout() {
    String fromCi = System.getenv("PORTAL_TEST_WORKSPACE_IMAGE");
    if (fromCi != null && !fromCi.isBlank()) {
      return fromCi;
    }
    try {
      Process process =
          new ProcessBuilder("deploy/workspace-image/build-offline.sh", "--print-tag")
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      return output.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A template for the image, made once per database. */
  private static String templateFor(TemplateService templates, String image) {
    String name = "live-" + image.substring(image.lastIndexOf(':') + 1).replace('.', '-');
    if (templates.list().stream().noneMatch(t -> t.name().equals(name))) {
      templates.create(
          new TemplateForm(name, "tests on live workspaces", image, "4.0.1", 2, 4, 1, 2048),
          "test");
    }
    return name;
  }
}
