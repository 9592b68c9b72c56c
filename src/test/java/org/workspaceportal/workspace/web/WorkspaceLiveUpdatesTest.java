package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceProgressed;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * The workspace page's event stream: its owner gets "progress" events; nobody else gets a stream.
 */
@PortalIntegrationTest
class WorkspaceLiveUpdatesTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired WorkspaceUpdates updates;

  @Test
  void theOwnersOpenPageIsToldWhenItsWorkspaceProgresses() throws Exception {
    String owner = "live-" + WorkspaceFixtures.uniqueName();
    identity.createUser(new NewUser(owner, "password-123", Role.USER), "test");
    WorkspaceView ws =
        workspaces.request(
            WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()),
            new CurrentUser(owner, false));

    MvcResult stream =
        mvc.perform(get("/workspaces/{id}/events", ws.id()).with(user(owner).roles("USER")))
            .andExpect(request().asyncStarted())
            .andReturn();
    updates.on(new WorkspaceProgressed(ws.id()));

    assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
    assertThat(stream.getResponse().getContentAsString()).contains("event:progress");
    updates.closeAll();
    assertThat(updates.subscribers(ws.id())).isZero();
  }

  @Test
  void disablingAUserEndsTheirOpenStreamAtOnce() throws Exception {
    String owner = "live-" + WorkspaceFixtures.uniqueName();
    identity.createUser(new NewUser(owner, "password-123", Role.USER), "test");
    WorkspaceView ws =
        workspaces.request(
            WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()),
            new CurrentUser(owner, false));
    MvcResult stream =
        mvc.perform(get("/workspaces/{id}/events", ws.id()).with(user(owner).roles("USER")))
            .andExpect(request().asyncStarted())
            .andReturn();
    assertThat(updates.subscribers(ws.id())).isOne();

    identity.setEnabled(owner, false, "test-admin");

    assertThat(updates.subscribers(ws.id())).isZero();
    updates.on(new WorkspaceProgressed(ws.id()));
    assertThat(stream.getResponse().getContentAsString()).doesNotContain("event:progress");
  }

  @Test
  void someoneElseGetsNoStreamForTheWorkspace() throws Exception {
    String owner = "live-" + WorkspaceFixtures.uniqueName();
    identity.createUser(new NewUser(owner, "password-123", Role.USER), "test");
    WorkspaceView ws =
        workspaces.request(
            WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()),
            new CurrentUser(owner, false));

    String someoneElse = "other-" + WorkspaceFixtures.uniqueName();
    identity.createUser(new NewUser(someoneElse, "password-123", Role.USER), "test");

    mvc.perform(get("/workspaces/{id}/events", ws.id()).with(user(someoneElse).roles("USER")))
        .andExpect(status().isNotFound());
    assertThat(updates.subscribers(ws.id())).isZero();
  }
}
