package org.workspaceportal.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.common.PlainText;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.ApiTokenView;
import org.workspaceportal.identity.NewApiToken;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class TokenApiController {

  private final ApiTokenService tokens;

  TokenApiController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @PostMapping
  @Operation(
      summary =
          "Create a personal API token (HTTP Basic allowed here); the token is returned only once")
  ResponseEntity<NewApiToken> create(@Valid @RequestBody TokenRequest body, Authentication auth) {
    NewApiToken created = tokens.create(auth.getName(), body.name(), body.expiresAt());
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id())).body(created);
  }

  @GetMapping
  List<ApiTokenView> list(Authentication auth) {
    return tokens.list(auth.getName());
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable UUID id, Authentication auth) {
    tokens.revoke(auth.getName(), id);
    return ResponseEntity.noContent().build();
  }

  record TokenRequest(
      @NotBlank(message = "is required") @Size(max = 100) @PlainText String name,
      Instant expiresAt) {}
}
