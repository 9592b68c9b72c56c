package org.workspaceportal.web;

import java.util.List;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostView;
import org.workspaceportal.host.WorkspaceImages;
import org.workspaceportal.host.WorkspaceImages.ImageOnHost;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.WorkspaceService;

/**
 * What a fresh portal still needs before people can use it, for the admin who lands on it: a host
 * that takes workspaces, the workspace image on one, a template with a Spark cluster, and people
 * with accounts. Each item says what to do and where. (Not a bean: the page slice builds its
 * controllers from the module services alone.)
 */
final class FirstRun {

  /**
   * One thing to have.
   *
   * @param id the element id on the page
   * @param now where it stands, in words
   * @param todo what to do while it is not done; null once done
   * @param link where to do it
   */
  record Item(String id, String title, boolean done, String now, String todo, String link) {}

  private final HostService hosts;
  private final WorkspaceImages images;
  private final IdentityService identity;
  private final WorkspaceService workspaces;

  FirstRun(
      HostService hosts,
      WorkspaceImages images,
      IdentityService identity,
      WorkspaceService workspaces) {
    this.hosts = hosts;
    this.images = images;
    this.identity = identity;
    this.workspaces = workspaces;
  }

  /** Every item, in the order they are done. */
  List<Item> items() {
    List<HostView> all = hosts.list();
    long up = all.stream().filter(HostView::acceptsWorkspaces).count();
    List<ImageOnHost> onHosts = List.copyOf(images.on(all).values());
    List<String> templates = workspaces.offeredClusterTemplates();
    long people = identity.listUsers().stream().filter(u -> u.role() == Role.USER).count();
    return List.of(
        new Item(
            "first-run-host",
            "A Docker host takes workspaces",
            up > 0,
            up > 0
                ? up + (up == 1 ? " host is" : " hosts are") + " up"
                : all.isEmpty() ? "no host is registered" : "no host is up and undrained",
            all.isEmpty()
                ? "Register one (this machine's engine: unix:///var/run/docker.sock)."
                : "Check why the hosts are down, or undrain one.",
            "/admin/hosts"),
        image(onHosts, up > 0),
        new Item(
            "first-run-template",
            "A template offers a Spark cluster",
            !templates.isEmpty(),
            templates.isEmpty() ? "none is enabled" : String.join(", ", templates),
            "Create one, or enable one.",
            "/admin/templates"),
        new Item(
            "first-run-users",
            "People have accounts",
            people > 0,
            people == 0 ? "only admins so far" : people + (people == 1 ? " user" : " users"),
            "Create an account for each data scientist (or sign them in with single sign-on).",
            "/admin/users"));
  }

  /** Whether everything is there: the checklist then stays out of the way. */
  boolean done() {
    return items().stream().allMatch(Item::done);
  }

  private static Item image(List<ImageOnHost> onHosts, boolean anyHost) {
    ImageOnHost present = first(onHosts, ImageOnHost.State.PRESENT);
    ImageOnHost building = first(onHosts, ImageOnHost.State.BUILDING);
    ImageOnHost missing = first(onHosts, ImageOnHost.State.MISSING);
    String now =
        present != null
            ? present.detail() + (present.pySpark() ? " (with PySpark)" : "")
            : building != null
                ? "being built: " + building.detail()
                : anyHost ? "missing on every host" : "no host to hold it yet";
    String todo =
        building != null
            ? "Wait for the build (a few minutes); this page shows where it is."
            : missing != null
                ? missing.detail().substring(0, 1).toUpperCase()
                    + missing.detail().substring(1)
                    + "."
                : "Register a host first.";
    return new Item(
        "first-run-image",
        "The workspace image is on a host",
        present != null,
        now,
        todo,
        "/admin/hosts");
  }

  private static ImageOnHost first(List<ImageOnHost> onHosts, ImageOnHost.State state) {
    return onHosts.stream().filter(i -> i.state() == state).findFirst().orElse(null);
  }
}
