package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.Leftovers;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.PendingRequest;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * Whether a cluster has room on the hosts, said before it queues (the approval card, the request
 * form) and while it waits (the page, the list), against the machine's real engine registered as
 * the host: here the host's room is taken by a lease of the test's own.
 */
@PortalIntegrationTest
@RequiresDocker
class RoomOnTheHostsTest {

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired HostService hosts;
  @Autowired JdbcTemplate jdbc;

  private final UUID hog = UUID.randomUUID();
  private LiveWorkspaces live;
  private UUID templateId;

  @BeforeEach
  void aTemplateOfThisCheckout() {
    live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    templateId =
        templates.list().stream()
            .filter(t -> t.name().equals(live.template()))
            .findFirst()
            .orElseThrow()
            .id();
  }

  @AfterEach
  void giveBackTheRoom() {
    Leftovers.remove(jdbc, hog);
    live.cleanUp();
  }

  @Test
  void whatFitsNowIsSaidBeforeApprovalAndAWaitIsSaidWhileItWaits() {
    PendingRequest.Room free = workspaces.roomNow(templateId, 1);
    int upTo = workspaces.roomNowUpTo(templateId);
    assertThat(free.fitsNow()).as("an idle host has room for one worker").isTrue();
    assertThat(upTo).isPositive();
    assertThat(workspaces.roomNow(templateId, upTo).fitsNow()).isTrue();

    takeEveryCoreOfTheLocalHost();

    PendingRequest.Room full = workspaces.roomNow(templateId, 1);
    assertThat(full.fitsNow()).isFalse();
    assertThat(full.shortage()).startsWith("needs ").contains(" on one host").contains("free: ");
    assertThat(workspaces.roomNowUpTo(templateId)).isEqualTo(-1);

    WorkspaceView ws = live.approved("waits-for-room", 1);
    WorkspaceView waiting = live.await(ws.id(), w -> w.waitingForRoom() != null);
    assertThat(waiting.waitingForRoom().roomShortage()).startsWith("needs ");
    assertThat(waiting.waitingForRoom().waitingFor()).startsWith(StepView.WAITING_FOR_ROOM);
    // placed before its storage is made: nothing is made for it while it waits
    assertThat(waiting.steps())
        .filteredOn(s -> s.kind() == StepKind.ACCOUNT || s.kind() == StepKind.BUCKET)
        .extracting(StepView::status)
        .containsOnly(StepStatus.PENDING);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from workspace_storage where workspace_id = ?",
                Long.class,
                ws.id()))
        .isZero();
    List<WorkspaceView> listed = List.of(workspaces.get(ws.id(), LiveWorkspaces.ADMIN));
    assertThat(workspaces.waitingForRoom(listed)).containsOnlyKeys(ws.id());
  }

  private void takeEveryCoreOfTheLocalHost() {
    HostView local =
        hosts.list().stream()
            .filter(h -> h.endpoint().startsWith("unix://") && h.status() == HostStatus.UP)
            .findFirst()
            .orElseThrow();
    jdbc.update(
        "insert into host_leases (host_id, workspace_id, role, cpus, memory_mb, created_at)"
            + " values (?, ?, 'hog', 100000, 100000000, now())",
        local.id(),
        hog);
  }
}
