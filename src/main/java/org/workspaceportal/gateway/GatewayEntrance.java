package org.workspaceportal.gateway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.access.WorkspaceDoor;
import org.workspaceportal.workspace.access.WorkspaceDoors;

/**
 * The portal's side of opening a workspace, after its sign-in: the owner (or, where the site allows
 * it, an admin) gets a one-time ticket for the workspace's origin; anyone else a refusal that says
 * why; a workspace that does not run says so.
 */
@Service
public class GatewayEntrance {

  private final WorkspaceDoors doors;
  private final GatewayAccess access;
  private final WorkspaceOrigins origins;
  private final GatewayProperties properties;

  GatewayEntrance(
      WorkspaceDoors doors,
      GatewayAccess access,
      WorkspaceOrigins origins,
      GatewayProperties properties) {
    this.doors = doors;
    this.access = access;
    this.origins = origins;
    this.properties = properties;
  }

  /** Where the browser goes next. */
  public sealed interface Way {}

  /** In: to the workspace's origin, with a one-time ticket. */
  public record Enter(String url) implements Way {}

  /**
   * Not in, and why.
   *
   * @param workspaceId the workspace, when the user may see it; null otherwise
   */
  public record Refused(HttpStatus status, String title, String message, UUID workspaceId)
      implements Way {}

  /**
   * @param state what the workspace's origin gave this browser to bring back (its {@code state}
   *     cookie's hash): the ticket opens the origin only in the browser that holds that cookie, so
   *     a ticket someone got for her own workspace cannot sign somebody else's browser in there
   */
  public Way open(
      String shortId, CurrentUser user, String portalSessionId, String next, String state) {
    String owner = doors.ownerOf(shortId).orElse(null);
    WorkspaceDoor door =
        owner != null && user.mayAccess(owner) ? doors.byShortId(shortId).orElse(null) : null;
    if (door == null) {
      // someone else's workspace is "not found" to a user: ids are nobody else's business
      return new Refused(
          HttpStatus.NOT_FOUND,
          "No such workspace",
          "There is no workspace of yours at this address. Open Jupyter from the workspace's"
              + " page in the portal.",
          null);
    }
    boolean own = door.owner().equals(user.username());
    if (!own && !properties.adminAccess()) {
      return new Refused(
          HttpStatus.FORBIDDEN,
          "This notebook is " + door.owner() + "'s",
          "Admins do not open other users' notebooks on this portal (the site has not turned on"
              + " portal.gateway.admin-access). Ask "
              + door.owner()
              + " to share what you need to see.",
          door.id());
    }
    if (!door.open()) {
      return new Refused(
          HttpStatus.CONFLICT,
          "Workspace " + door.name() + " is not running",
          "It is "
              + door.statusLabel()
              + " now. Jupyter opens once it is ready; start it from its page if it is stopped.",
          door.id());
    }
    String origin = origins.origin(shortId.toLowerCase(Locale.ROOT));
    if (!WorkspaceOrigins.isState(state)) {
      // not sent here by the workspace's origin (a bookmark of this page): go there first
      return new Enter(origin + WorkspaceOrigins.safeNext(next));
    }
    String ticket = access.issueTicket(door.id(), user.username(), portalSessionId, state);
    return new Enter(
        origin
            + WorkspaceForwarding.ENTER_PATH
            + "?ticket="
            + ticket
            + "&next="
            + URLEncoder.encode(WorkspaceOrigins.safeNext(next), StandardCharsets.UTF_8));
  }
}
