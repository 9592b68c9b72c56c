package org.workspaceportal.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.access.WorkspaceDoor;
import org.workspaceportal.workspace.access.WorkspaceDoors;

/**
 * The portal's side of opening a workspace (its sign-in comes first, like any page's): the owner
 * gets a one-time ticket for the workspace's origin; anyone else a refusal page in the portal's
 * style; a workspace that does not run says so.
 */
@Controller
class OpenWorkspaceController {

  private static final String PAGE = "workspaces/closed";

  private final WorkspaceDoors doors;
  private final GatewayAccess access;
  private final WorkspaceOrigins origins;
  private final GatewayProperties properties;

  OpenWorkspaceController(
      WorkspaceDoors doors,
      GatewayAccess access,
      WorkspaceOrigins origins,
      GatewayProperties properties) {
    this.doors = doors;
    this.access = access;
    this.origins = origins;
    this.properties = properties;
  }

  @GetMapping("/workspaces/open/{shortId}")
  String open(
      @PathVariable String shortId,
      @RequestParam(required = false) String next,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    CurrentUser user = CurrentUser.of(authentication);
    WorkspaceDoor door = doors.byShortId(shortId).orElse(null);
    if (door == null || !user.mayAccess(door.owner())) {
      // someone else's workspace is "not found" to a user: ids are nobody else's business
      return closed(
          response,
          model,
          HttpStatus.NOT_FOUND,
          "No such workspace",
          "There is no workspace of yours at this address. Open Jupyter from the workspace's"
              + " page in the portal.",
          null);
    }
    boolean own = door.owner().equals(user.username());
    if (!own && !properties.adminAccess()) {
      return closed(
          response,
          model,
          HttpStatus.FORBIDDEN,
          "This notebook is " + door.owner() + "'s",
          "Admins do not open other users' notebooks on this portal (the site has not turned on"
              + " portal.gateway.admin-access). Ask "
              + door.owner()
              + " to share what you need to see.",
          door.id());
    }
    if (!door.open()) {
      return closed(
          response,
          model,
          HttpStatus.CONFLICT,
          "Workspace " + door.name() + " is not running",
          "It is "
              + door.statusLabel()
              + " now. Jupyter opens once it is ready; start it from its page if it is stopped.",
          door.id());
    }
    String ticket = access.issueTicket(door.id(), user.username(), request.getSession().getId());
    return "redirect:"
        + origins.origin(shortId.toLowerCase(java.util.Locale.ROOT))
        + "/_portal/enter?ticket="
        + ticket
        + "&next="
        + URLEncoder.encode(WorkspaceOrigins.safeNext(next), StandardCharsets.UTF_8);
  }

  private static String closed(
      HttpServletResponse response,
      Model model,
      HttpStatus status,
      String title,
      String message,
      java.util.UUID workspaceId) {
    response.setStatus(status.value());
    model.addAttribute("closedTitle", title);
    model.addAttribute("closedMessage", message);
    model.addAttribute("closedStatus", status.value());
    model.addAttribute("workspaceId", workspaceId);
    return PAGE;
  }
}
