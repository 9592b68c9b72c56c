package org.workspaceportal.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.workspaceportal.identity.CurrentUser;

/**
 * {@code /workspaces/open/<12 hex>}: where the gateway sends a browser without the workspace's
 * cookie (the portal's sign-in comes first, like any page's). In with a ticket, or a page in the
 * portal's style that says why not.
 */
@Controller
class OpenWorkspaceController {

  private final GatewayEntrance entrance;

  OpenWorkspaceController(GatewayEntrance entrance) {
    this.entrance = entrance;
  }

  @GetMapping("/workspaces/open/{shortId}")
  String open(
      @PathVariable String shortId,
      @RequestParam(required = false) String next,
      @RequestParam(required = false) String state,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    GatewayEntrance.Way way =
        entrance.open(
            shortId, CurrentUser.of(authentication), request.getSession().getId(), next, state);
    if (way instanceof GatewayEntrance.Enter enter) {
      return "redirect:" + enter.url();
    }
    GatewayEntrance.Refused refused = (GatewayEntrance.Refused) way;
    response.setStatus(refused.status().value());
    model.addAttribute("closedTitle", refused.title());
    model.addAttribute("closedMessage", refused.message());
    model.addAttribute("closedStatus", refused.status().value());
    model.addAttribute("workspaceId", refused.workspaceId());
    return "workspaces/closed";
  }
}
