package org.workspaceportal.workspace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.lifetime.ExtensionService;
import org.workspaceportal.workspace.lifetime.ExtensionView;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Extensions")
class ExtensionApiController {

  private final ExtensionService extensions;

  ExtensionApiController(ExtensionService extensions) {
    this.extensions = extensions;
  }

  @PostMapping("/workspaces/{id}/extension")
  @Operation(
      summary =
          "Ask for a later expiry, with a reason; an admin approves or rejects it (201, PENDING)")
  ResponseEntity<ExtensionView> request(
      @PathVariable UUID id, @Valid @RequestBody ExtensionBody body, Authentication auth) {
    ExtensionView asked =
        extensions.request(id, body.expiresAt(), body.reason(), CurrentUser.of(auth));
    return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id + "/extension"))
        .body(asked);
  }

  @GetMapping("/workspaces/{id}/extension")
  @Operation(summary = "The workspace's latest extension request and its decision")
  ExtensionView latest(@PathVariable UUID id, Authentication auth) {
    return extensions
        .latest(id, CurrentUser.of(auth))
        .orElseThrow(() -> new NotFoundException("Extension request"));
  }

  @GetMapping("/admin/extensions")
  @Operation(summary = "Extension requests waiting for a decision, oldest first (ADMIN)")
  List<ExtensionView> pending() {
    return extensions.pending();
  }

  @PostMapping("/admin/extensions/{id}/approve")
  @Operation(summary = "Approve an extension: the workspace's expiry moves (ADMIN)")
  ExtensionView approve(@PathVariable UUID id, Authentication auth) {
    return extensions.approve(id, CurrentUser.of(auth));
  }

  @PostMapping("/admin/extensions/{id}/reject")
  @Operation(summary = "Reject an extension with a reason the owner sees (ADMIN)")
  ExtensionView reject(
      @PathVariable UUID id, @Valid @RequestBody RejectRequest body, Authentication auth) {
    return extensions.reject(id, body.reason(), CurrentUser.of(auth));
  }
}
