package org.workspaceportal.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.workspaceportal.common.PlainText;
import org.workspaceportal.common.PortalException;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.ApiTokenView;
import org.workspaceportal.identity.NewApiToken;

/** "My tokens": create (shown once), list and revoke personal API tokens. */
@Controller
class TokenPageController {

  private final ApiTokenService tokens;
  private final Clock clock;

  TokenPageController(ApiTokenService tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @GetMapping("/tokens")
  String list(Authentication auth, Model model, HttpServletRequest request) {
    Instant now = clock.instant();
    Map<Boolean, List<ApiTokenView>> byActive =
        tokens.list(auth.getName()).stream().collect(Collectors.partitioningBy(t -> t.active(now)));
    // the ones that still work first; revoked and expired ones are folded away below them
    model.addAttribute("active", byActive.get(true));
    model.addAttribute("inactive", byActive.get(false));
    model.addAttribute(
        "baseUrl", ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
    return "tokens/list";
  }

  @PostMapping("/tokens")
  String create(
      @RequestParam String name,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate expires,
      Authentication auth,
      RedirectAttributes redirect) {
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      redirect.addFlashAttribute("flashError", "Give the token a name of 1 to 100 characters.");
      return "redirect:/tokens";
    }
    if (!PlainText.Validator.isPlain(trimmed)) {
      redirect.addFlashAttribute("flashError", "The token name " + PlainText.MESSAGE + ".");
      return "redirect:/tokens";
    }
    try {
      NewApiToken token =
          tokens.create(
              auth.getName(),
              trimmed,
              expires == null ? null : expires.atStartOfDay().toInstant(ZoneOffset.UTC));
      redirect.addFlashAttribute("newToken", token);
    } catch (PortalException e) {
      redirect.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/tokens";
  }

  @PostMapping("/tokens/{id}/revoke")
  String revoke(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    tokens.revoke(auth.getName(), id);
    redirect.addFlashAttribute("flash", "Token revoked.");
    return "redirect:/tokens";
  }
}
