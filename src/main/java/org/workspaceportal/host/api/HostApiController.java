package org.workspaceportal.host.api;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workspaceportal.host.HostRegistration;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostView;

@RestController
@RequestMapping("/api/v1/admin/hosts")
@Tag(name = "Hosts (ADMIN)")
class HostApiController {

  private final HostService hosts;

  HostApiController(HostService hosts) {
    this.hosts = hosts;
  }

  @GetMapping
  @Operation(summary = "Registered Docker hosts with their status and capacity")
  List<HostView> list() {
    return hosts.list();
  }

  @GetMapping("/{id}")
  HostView get(@PathVariable UUID id) {
    return hosts.get(id);
  }

  @PostMapping
  @Operation(
      summary =
          "Register a Docker host (unix socket, or tcp:// with TLS); its engine is asked at once")
  ResponseEntity<HostView> register(
      @Valid @RequestBody HostRegistration registration, Authentication auth) {
    HostView host = hosts.register(registration, auth.getName());
    return ResponseEntity.created(URI.create("/api/v1/admin/hosts/" + host.id())).body(host);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change a host's settings; TLS fields left out keep the stored material")
  HostView update(
      @PathVariable UUID id,
      @Valid @RequestBody HostRegistration registration,
      Authentication auth) {
    return hosts.update(id, registration, auth.getName());
  }

  @PostMapping("/{id}/drain")
  @Operation(summary = "Place no new workspaces on this host")
  HostView drain(@PathVariable UUID id, Authentication auth) {
    return hosts.setDrained(id, true, auth.getName());
  }

  @PostMapping("/{id}/undrain")
  @Operation(summary = "Place new workspaces on this host again")
  HostView undrain(@PathVariable UUID id, Authentication auth) {
    return hosts.setDrained(id, false, auth.getName());
  }

  @PostMapping("/{id}/check")
  @Operation(summary = "Ask the host's engine now instead of at the next health check")
  HostView check(@PathVariable UUID id) {
    return hosts.check(id);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Remove a host; refused (409) while workspaces run on it")
  ResponseEntity<Void> remove(@PathVariable UUID id, Authentication auth) {
    hosts.remove(id, auth.getName());
    return ResponseEntity.noContent().build();
  }
}
