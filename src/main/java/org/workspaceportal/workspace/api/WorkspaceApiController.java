package org.workspaceportal.workspace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.WorkspaceMoves;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.cluster.ClusterLogs;
import org.workspaceportal.workspace.cluster.ContainerLog;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Workspaces")
class WorkspaceApiController {

  private final WorkspaceService workspaces;
  private final TemplateService templates;
  private final ClusterLogs logs;
  private final WorkspaceMoves moves;

  WorkspaceApiController(
      WorkspaceService workspaces,
      TemplateService templates,
      ClusterLogs logs,
      WorkspaceMoves moves) {
    this.workspaces = workspaces;
    this.moves = moves;
    this.templates = templates;
    this.logs = logs;
  }

  @PostMapping("/workspaces")
  @Operation(summary = "Request a workspace; it waits for an admin's approval")
  ResponseEntity<WorkspaceResponse> request(
      @Valid @RequestBody WorkspaceRequest request, Authentication auth) {
    WorkspaceView created = workspaces.request(request, CurrentUser.of(auth));
    return ResponseEntity.created(location(created.id())).body(WorkspaceResponse.of(created));
  }

  @GetMapping("/workspaces")
  @Operation(summary = "Your workspaces; admins see all and may filter by owner and status")
  List<WorkspaceResponse> list(
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) WorkspaceStatus status,
      Authentication auth) {
    return workspaces.list(CurrentUser.of(auth), owner, status).stream()
        .map(WorkspaceResponse::of)
        .toList();
  }

  @GetMapping("/workspaces/{id}")
  WorkspaceResponse get(@PathVariable UUID id, Authentication auth) {
    return WorkspaceResponse.of(workspaces.get(id, CurrentUser.of(auth)));
  }

  @PostMapping("/workspaces/{id}/approve")
  @Operation(summary = "Approve a pending request (ADMIN, or an approver of the requester's team)")
  WorkspaceResponse approve(@PathVariable UUID id, Authentication auth) {
    return WorkspaceResponse.of(workspaces.approve(id, CurrentUser.of(auth)));
  }

  @PostMapping("/workspaces/{id}/reject")
  @Operation(
      summary =
          "Reject a pending request with a reason (ADMIN, or an approver of the requester's team)")
  WorkspaceResponse reject(
      @PathVariable UUID id, @Valid @RequestBody RejectRequest body, Authentication auth) {
    return WorkspaceResponse.of(workspaces.reject(id, body.reason(), CurrentUser.of(auth)));
  }

  @PostMapping("/workspaces/{id}/retry")
  @Operation(summary = "Queue a FAILED workspace's provisioning again (ADMIN)")
  ResponseEntity<WorkspaceResponse> retry(@PathVariable UUID id, Authentication auth) {
    WorkspaceView retried = workspaces.retry(id, CurrentUser.of(auth));
    return ResponseEntity.accepted().location(location(id)).body(WorkspaceResponse.of(retried));
  }

  @PostMapping("/workspaces/{id}/stop")
  @Operation(
      summary =
          "Stop a READY workspace: its containers go, its notebooks, data and place stay (202)")
  ResponseEntity<WorkspaceResponse> stop(@PathVariable UUID id, Authentication auth) {
    WorkspaceView stopped = workspaces.stop(id, CurrentUser.of(auth));
    return ResponseEntity.accepted().location(location(id)).body(WorkspaceResponse.of(stopped));
  }

  @PostMapping("/workspaces/{id}/repair")
  @Operation(
      summary =
          "Repair a DEGRADED workspace: its missing containers are recreated from the recorded spec"
              + " (202)")
  ResponseEntity<WorkspaceResponse> repair(@PathVariable UUID id, Authentication auth) {
    WorkspaceView repairing = workspaces.repair(id, CurrentUser.of(auth));
    return ResponseEntity.accepted().location(location(id)).body(WorkspaceResponse.of(repairing));
  }

  @PostMapping("/workspaces/{id}/start")
  @Operation(summary = "Start a STOPPED workspace again (202)")
  ResponseEntity<WorkspaceResponse> start(@PathVariable UUID id, Authentication auth) {
    WorkspaceView started = workspaces.start(id, CurrentUser.of(auth));
    return ResponseEntity.accepted().location(location(id)).body(WorkspaceResponse.of(started));
  }

  @GetMapping("/workspaces/{id}/move")
  @Operation(
      summary =
          "What moving an UNREACHABLE workspace to other hosts would do: the hosts that do not"
              + " answer, and when its notebooks' last save was taken (what changed after it is"
              + " lost); 409 with the reason when it cannot be moved now")
  MoveOfferResponse moveTerms(@PathVariable UUID id, Authentication auth) {
    return MoveOfferResponse.of(moves.terms(id, CurrentUser.of(auth)));
  }

  @PostMapping("/workspaces/{id}/move")
  @Operation(
      summary =
          "Move an UNREACHABLE workspace off the hosts that do not answer (202): its containers go"
              + " where the engines answer, its room goes back, and it starts on hosts that answer"
              + " with its notebooks restored from their last save; what changed on a silent"
              + " notebook host after that save is lost. 409 with the reason when it cannot be"
              + " moved now (not UNREACHABLE, or every host answers again)")
  ResponseEntity<WorkspaceResponse> move(@PathVariable UUID id, Authentication auth) {
    WorkspaceView moving = moves.move(id, CurrentUser.of(auth));
    return ResponseEntity.accepted().location(location(id)).body(WorkspaceResponse.of(moving));
  }

  @PostMapping("/workspaces/{id}/resize")
  @Operation(
      summary =
          "Give a READY workspace another number of workers, within its template and quota; removed"
              + " workers are decommissioned first (202)")
  ResponseEntity<WorkspaceResponse> resize(
      @PathVariable UUID id, @Valid @RequestBody ResizeRequest body, Authentication auth) {
    WorkspaceView resized = workspaces.resize(id, body.workers(), CurrentUser.of(auth));
    return ResponseEntity.accepted().location(location(id)).body(WorkspaceResponse.of(resized));
  }

  @GetMapping("/workspaces/{id}/logs/{role}")
  @Operation(
      summary =
          "The last lines a container of the cluster wrote (master, notebook, worker-N); secrets"
              + " masked")
  ContainerLog logs(
      @PathVariable UUID id,
      @PathVariable String role,
      @RequestParam(defaultValue = "200") int lines,
      Authentication auth) {
    return logs.tail(id, role, lines, CurrentUser.of(auth));
  }

  @DeleteMapping("/workspaces/{id}")
  @Operation(summary = "Delete a workspace; teardown runs in the background (202)")
  ResponseEntity<WorkspaceResponse> delete(@PathVariable UUID id, Authentication auth) {
    WorkspaceView deleted = workspaces.delete(id, CurrentUser.of(auth));
    return ResponseEntity.accepted().location(location(id)).body(WorkspaceResponse.of(deleted));
  }

  @GetMapping("/templates")
  @Operation(summary = "Templates you can request a workspace from")
  List<TemplateView> templates(Authentication auth) {
    return templates.enabledFor(CurrentUser.of(auth));
  }

  private static URI location(UUID id) {
    return URI.create("/api/v1/workspaces/" + id);
  }
}
