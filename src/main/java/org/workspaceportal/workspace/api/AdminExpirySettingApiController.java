package org.workspaceportal.workspace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.workspace.lifetime.ExpirySettings;

@RestController
@RequestMapping("/api/v1/admin/settings/expiry")
@Tag(name = "Admin: settings")
class AdminExpirySettingApiController {

  private final ExpirySettings settings;

  AdminExpirySettingApiController(ExpirySettings settings) {
    this.settings = settings;
  }

  @GetMapping
  @Operation(
      summary =
          "How long an expired, stopped workspace is kept before it is deleted, and whether that is"
              + " the configured default (ADMIN)")
  ExpirySettingResponse get() {
    return ExpirySettingResponse.of(settings.current());
  }

  @PutMapping
  @Operation(
      summary =
          "Keep expired, stopped workspaces for keepStoppedForDays (1 to 365) before deleting them;"
              + " audited (ADMIN)")
  ExpirySettingResponse put(@Valid @RequestBody ExpirySettingBody body, Authentication auth) {
    return ExpirySettingResponse.of(
        settings.setKeepStoppedForDays(body.keepStoppedForDays(), auth.getName()));
  }

  @DeleteMapping
  @Operation(
      summary =
          "Drop the saved value: the configured default (portal.workspace.expiry.keep-stopped-for)"
              + " applies again; audited (ADMIN)")
  ExpirySettingResponse useDefault(Authentication auth) {
    return ExpirySettingResponse.of(settings.useDefault(auth.getName()));
  }
}
