package org.workspaceportal.workspace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.WorkspaceCredentials;

@RestController
@Tag(name = "Workspaces")
class CredentialsApiController {

  private final CredentialService credentials;

  CredentialsApiController(CredentialService credentials) {
    this.credentials = credentials;
  }

  // produces: a client that cannot take JSON is refused before anything is revealed
  @GetMapping(path = "/api/v1/workspaces/{id}/credentials", produces = "application/json")
  @Operation(summary = "The workspace's S3 credentials, with the secret (owner only; audited)")
  ResponseEntity<CredentialsResponse> get(
      @PathVariable UUID id, HttpMethod method, Authentication auth) {
    if (method == HttpMethod.HEAD) {
      credentials.checkRevealable(id, CurrentUser.of(auth), "api");
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }
    WorkspaceCredentials c = credentials.reveal(id, CurrentUser.of(auth), "api");
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(CredentialsResponse.of(c));
  }

  record CredentialsResponse(
      String endpoint,
      String region,
      String bucket,
      String accessKeyId,
      String secretAccessKey,
      String nfsAddress,
      String datahub,
      String envFile,
      String sparkDefaults) {

    static CredentialsResponse of(WorkspaceCredentials c) {
      return new CredentialsResponse(
          c.endpoint(),
          c.region(),
          c.bucket(),
          c.accessKeyId(),
          c.secretAccessKey(),
          c.nfsAddress(),
          c.datahub(),
          c.envFile(),
          c.sparkDefaults());
    }

    @Override
    public String toString() {
      return "CredentialsResponse[bucket=" + bucket + ", accessKeyId=" + accessKeyId + "]";
    }
  }
}
