package org.workspaceportal.identity.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.UserAccount;

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
    return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.username())).body(created);
  }

  @GetMapping
  List<UserAccount> list() {
    return identity.listUsers();
  }

  /** Changes what is present in the body: enabled, and/or the quota overrides (null clears one). */
  @PatchMapping("/{username}")
  UserAccount update(@PathVariable String username, @Valid @RequestBody UserPatch patch, Authentication auth) {
    UserAccount user = null;
    if (patch.enabled() != null) {
      user = identity.setEnabled(username, patch.enabled(), auth.getName());
    }
    if (patch.maxWorkspaces() != null || patch.maxWorkers() != null || user == null) {
      user = identity.setQuota(username, patch.maxWorkspaces(), patch.maxWorkers(), auth.getName());
    }
    return user;
  }

  record UserPatch(Boolean enabled, @Min(0) Integer maxWorkspaces, @Min(0) Integer maxWorkers) {}
}
