package org.workspaceportal.identity.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.InvalidUserRequestException;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.UserAccount;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Admin: users")
class AdminUserApiController {

  private final IdentityService identity;

  AdminUserApiController(IdentityService identity) {
    this.identity = identity;
  }

  @PostMapping
  ResponseEntity<UserAccount> create(@Valid @RequestBody NewUser body, Authentication auth) {
    UserAccount created = identity.createUser(body, auth.getName());
    return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.username()))
        .body(created);
  }

  @GetMapping
  List<UserAccount> list() {
    return identity.listUsers();
  }

  /**
   * Changes what is present in the body and nothing else: {@code enabled}, and the quota overrides
   * {@code maxWorkspaces}/{@code maxWorkers} (an explicit null clears an override).
   */
  @PatchMapping("/{username}")
  UserAccount update(
      @PathVariable String username, @RequestBody JsonNode patch, Authentication auth) {
    if (!patch.isObject()) {
      throw new InvalidUserRequestException("body", "must be a JSON object");
    }
    for (String field : patch.propertyNames()) {
      if (!FIELDS.contains(field)) {
        throw new InvalidUserRequestException(
            field, "is not a field of a user; allowed: " + FIELDS);
      }
    }
    UserAccount user =
        identity
            .findUser(username)
            .orElseThrow(() -> new NotFoundException("User '" + username + "'"));
    if (patch.has("enabled")) {
      if (!patch.get("enabled").isBoolean()) {
        throw new InvalidUserRequestException("enabled", "must be true or false");
      }
      user = identity.setEnabled(username, patch.get("enabled").booleanValue(), auth.getName());
    }
    if (patch.has("maxWorkspaces") || patch.has("maxWorkers")) {
      Integer workspaces =
          patch.has("maxWorkspaces") ? quota(patch, "maxWorkspaces") : user.maxWorkspaces();
      Integer workers = patch.has("maxWorkers") ? quota(patch, "maxWorkers") : user.maxWorkers();
      user = identity.setQuota(username, workspaces, workers, auth.getName());
    }
    return user;
  }

  private static Integer quota(JsonNode patch, String field) {
    JsonNode value = patch.get(field);
    if (value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidUserRequestException(
          field,
          "must be a whole number from 0 to "
              + IdentityService.MAX_QUOTA
              + ", or null for the default");
    }
    return value.intValue();
  }

  private static final Set<String> FIELDS = Set.of("enabled", "maxWorkspaces", "maxWorkers");
}
