package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workspaceportal.testsupport.Pause.sleep;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * The workspace page's event stream: its owner gets a "progress" event for every real change, made
 * through the service (a decision on the request) or by the engine (each step it runs); nobody else
 * gets a stream. No test here sends an event itself: each makes the change and watches the stream.
 */
@PortalIntegrationTest
class WorkspaceLiveUpdatesTest {

  private static final CurrentUser ADMIN = new CurrentUser("live-admin", true);

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired WorkspaceUpdates updates;

  /** The streams stay open otherwise: the context, and its streams, outlive the test. */
  @AfterEach
  void closeTheStreams() {
    updates.closeAll();
  }

  @Test
  void theOwnersOpenPageIsToldWhenAnAdminDecidesTheRequest() throws Exception {
    String owner = newUser("live-");
    WorkspaceView ws = requested(owner);
    MvcResult stream = open(ws, owner);
    assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
    assertThat(progressEvents(stream, ws)).as("nothing has happened yet").isZero();

    workspaces.reject(ws.id(), "Please use a smaller template", ADMIN);

    awaitProgressEvents(stream, ws, 1);
  }

  @Test
  void theOwnersOpenPageIsToldOfEachStepTheEngineRuns() throws Exception {
    String owner = newUser("live-");
    WorkspaceView ws = requested(owner);
    MvcResult stream = open(ws, owner);

    workspaces.approve(ws.id(), ADMIN);
    WorkspaceView ready = awaitReady(ws, owner);

    // each step's start and its end are news for the page, besides the moves of the status
    awaitProgressEvents(stream, ws, 2 * ready.steps().size());
  }

  @Test
  void disablingAUserEndsTheirOpenStreamAtOnce() throws Exception {
    String owner = newUser("live-");
    WorkspaceView ws = requested(owner);
    MvcResult stream = open(ws, owner);
    assertThat(updates.subscribers(ws.id())).isOne();

    identity.setEnabled(owner, false, "test-admin");

    assertThat(updates.subscribers(ws.id())).isZero();
    workspaces.reject(ws.id(), "Not while the account is disabled", ADMIN);
    sleep(500); // long enough for an event that should not come
    assertThat(progressEvents(stream, ws)).isZero();
  }

  @Test
  void someoneElseGetsNoStreamForTheWorkspace() throws Exception {
    String owner = newUser("live-");
    WorkspaceView ws = requested(owner);
    String someoneElse = newUser("other-");

    mvc.perform(get("/workspaces/{id}/events", ws.id()).with(user(someoneElse).roles("USER")))
        .andExpect(status().isNotFound());
    assertThat(updates.subscribers(ws.id())).isZero();
  }

  private String newUser(String prefix) {
    String username = prefix + WorkspaceFixtures.uniqueName();
    identity.createUser(new NewUser(username, "password-123", Role.USER), "test");
    return username;
  }

  /** A storage-only workspace (READY in seconds once approved), waiting for approval. */
  private WorkspaceView requested(String owner) {
    return workspaces.request(
        WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), new CurrentUser(owner, false));
  }

  /** The owner's open workspace page's event stream, as the page's htmx connects to it. */
  private MvcResult open(WorkspaceView ws, String owner) throws Exception {
    return mvc.perform(get("/workspaces/{id}/events", ws.id()).with(user(owner).roles("USER")))
        .andExpect(request().asyncStarted())
        .andReturn();
  }

  private WorkspaceView awaitReady(WorkspaceView ws, String owner) {
    return WorkspaceFixtures.awaitView(
        workspaces,
        new CurrentUser(owner, false),
        ws.id(),
        now -> now.status() == WorkspaceStatus.READY,
        Duration.ofSeconds(60),
        Duration.ofMillis(50));
  }

  /**
   * Waits for at least {@code count} progress events about the workspace: they are sent after the
   * change commits, on the thread that made it, so they may trail what the database shows.
   */
  private static void awaitProgressEvents(MvcResult stream, WorkspaceView ws, int count)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(10);
    while (progressEvents(stream, ws) < count && Instant.now().isBefore(deadline)) {
      sleep(50);
    }
    assertThat(progressEvents(stream, ws))
        .as("progress events so far: %s", stream.getResponse().getContentAsString())
        .isGreaterThanOrEqualTo(count);
  }

  /** How many "progress" events naming the workspace the stream has carried so far. */
  private static int progressEvents(MvcResult stream, WorkspaceView ws) throws Exception {
    String event = "event:progress\ndata:" + ws.id() + "\n";
    String content = stream.getResponse().getContentAsString();
    return (content.length() - content.replace(event, "").length()) / event.length();
  }
}
