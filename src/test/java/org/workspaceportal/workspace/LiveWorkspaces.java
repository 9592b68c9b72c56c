package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.Requirement;

/**
 * Real workspaces on the machine's engine from the workspace image this checkout builds, for tests
 * that run things on a workspace's cluster: a new owner, requests through a template of their own
 * that names the exact tag (the moving alias the default template names may point to another build
 * on a shared engine), approval, READY, and a clean-up that deletes through the portal (so that the
 * hosts' cores and ports are free for the next test) and then removes whatever is left by label.
 */
final class LiveWorkspaces {

  static final CurrentUser ADMIN = new CurrentUser("live-workspaces-admin", true);
  static final Duration UP_TO = Duration.ofMinutes(5);

  private final WorkspaceService workspaces;
  private final String template;
  private final CurrentUser owner;
  private final List<UUID> made = new ArrayList<>();

  private LiveWorkspaces(WorkspaceService workspaces, String template, CurrentUser owner) {
    this.workspaces = workspaces;
    this.template = template;
    this.owner = owner;
  }

  /**
   * Requires the engine to have this checkout's image (skips, or fails under CI, otherwise) and
   * makes its template and a new owner.
   */
  static LiveWorkspaces ofThisCheckout(
      WorkspaceService workspaces, TemplateService templates, IdentityService identity) {
    String image = imageOfThisCheckout();
    Requirement.require(
        "the workspace image of this checkout",
        DockerCli.run("image", "inspect", "--format", "{{.Id}}", image).exitCode() == 0
            ? null
            : "the engine lacks "
                + image
                + " (build it: sudo deploy/workspace-image/build-offline.sh --if-missing)");
    String name = "live" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    identity.createUser(new NewUser(name, "password-123", Role.USER), "test");
    return new LiveWorkspaces(
        workspaces, templateFor(templates, image), new CurrentUser(name, false));
  }

  CurrentUser owner() {
    return owner;
  }

  /** A workspace requested, approved and READY, deleted (with ERADICATE) by {@link #cleanUp()}. */
  WorkspaceView ready(String prefix, int workers) {
    WorkspaceView ws = approved(prefix, workers, template);
    return await(ws.id(), w -> w.status() == WorkspaceStatus.READY, UP_TO);
  }

  /**
   * A workspace of the named template requested and approved, not waited for; deleted by {@link
   * #cleanUp()}.
   */
  WorkspaceView approved(String prefix, int workers, String templateName) {
    String name = prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    WorkspaceView ws =
        workspaces.request(
            new WorkspaceRequest(
                name, null, templateName, workers, false, Retention.ERADICATE, null),
            owner);
    made.add(ws.id());
    return workspaces.approve(ws.id(), ADMIN);
  }

  /** The name of the template that names this checkout's exact image tag. */
  String template() {
    return template;
  }

  /** Deletes it as its owner would and waits for DELETED. */
  void delete(UUID id) {
    workspaces.delete(id, owner);
    await(id, w -> w.status() == WorkspaceStatus.DELETED, UP_TO);
  }

  /** After every test, a failed one too. */
  void cleanUp() {
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
        DockerCli.removeLabelled(SparkContainers.WORKSPACE_LABEL + "=" + id);
      }
    }
  }

  WorkspaceView await(UUID id, Predicate<WorkspaceView> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    WorkspaceView ws = workspaces.get(id, ADMIN);
    while (!condition.test(ws) && Instant.now().isBefore(deadline)) {
      sleep(250);
      ws = workspaces.get(id, ADMIN);
    }
    assertThat(condition.test(ws))
        .as("%s: %s (%s), steps %s", ws.name(), ws.status(), ws.statusReason(), ws.steps())
        .isTrue();
    return ws;
  }

  /** The tag build-offline.sh gives this checkout's image (what CI built and exported). */
  static String imageOfThisCheckout() {
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

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
