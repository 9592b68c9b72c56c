package org.workspaceportal.workspace.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workspaceportal.common.FlashMessages;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceMoves;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.cluster.ClusterLogs;
import org.workspaceportal.workspace.cluster.ContainerLog;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.WorkspaceCredentials;
import org.workspaceportal.workspace.files.DeletionTerms;
import org.workspaceportal.workspace.files.NotebookSaves;
import org.workspaceportal.workspace.health.ClusterReconciler;
import org.workspaceportal.workspace.lifetime.ExtensionService;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/** A user's own pages: "my workspaces", a workspace's page, its credentials and its deletion. */
@Controller
class WorkspacePageController {

  private final WorkspaceService workspaces;
  private final TemplateService templates;
  private final CredentialService credentials;
  private final WorkspaceUpdates updates;

  private final ClusterLogs logs;
  private final ExtensionService extensions;
  private final Clock clock;
  private final ClusterReconciler reconciler;
  private final NotebookSaves saves;
  private final WorkspaceMoves moves;

  WorkspacePageController(
      WorkspaceService workspaces,
      TemplateService templates,
      CredentialService credentials,
      WorkspaceUpdates updates,
      ClusterLogs logs,
      ExtensionService extensions,
      Clock clock,
      ClusterReconciler reconciler,
      NotebookSaves saves,
      WorkspaceMoves moves) {
    this.moves = moves;
    this.reconciler = reconciler;
    this.saves = saves;
    this.clock = clock;
    this.logs = logs;
    this.extensions = extensions;
    this.workspaces = workspaces;
    this.templates = templates;
    this.credentials = credentials;
    this.updates = updates;
  }

  @GetMapping("/workspaces")
  String list(
      @RequestParam(defaultValue = "0") int refresh,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication auth,
      Model model) {
    CurrentUser user = CurrentUser.of(auth);
    List<WorkspaceView> mine = workspaces.list(new CurrentUser(user.username(), false), null, null);
    model.addAttribute("workspaces", mine);
    model.addAttribute("waiting", workspaces.waitingForRoom(mine));
    model.addAttribute("superseded", Superseded.among(mine));
    model.addAttribute("links", workspaces.linksOf(mine, CurrentUser.of(auth)));
    model.addAttribute("quota", workspaces.quotaOf(user.username()));
    model.addAttribute("refresh", ListRefresh.next(mine, refresh));
    return htmx != null ? "workspaces/list :: rows" : "workspaces/list";
  }

  @GetMapping("/workspaces/{id}")
  String detail(
      @PathVariable UUID id,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication auth,
      Model model) {
    CurrentUser user = CurrentUser.of(auth);
    if (htmx == null) {
      // opening the page looks at the containers now: the table shows what runs this moment, and
      // a notebook that died is noticed (DEGRADED, repaired) before the page is drawn; only for
      // someone who may see it (get throws not-found first), so no one else can make it look
      workspaces.get(id, user);
      reconciler.checkNow(id).ifPresent(states -> model.addAttribute("liveStates", states));
    }
    WorkspaceView ws = workspaces.get(id, user);
    boolean owner = ws.owner().equals(user.username());
    model.addAttribute("ws", ws);
    model.addAttribute("storage", credentials.storageInfo(id, user).orElse(null));
    model.addAttribute("files", saves.view(id).orElse(null));
    model.addAttribute("isOwner", owner);
    model.addAttribute("liveTrigger", LiveTrigger.of(ws.status()));
    model.addAttribute(
        "tombstone", Tombstone.of(ws, credentials.destroyedRecoverableFor(), clock.instant()));
    if (ws.status().isBusy()) {
      model.addAttribute(
          "progressLine", ProgressLine.of(ws, workspaces.typicalDurations(), clock.instant()));
    }
    model.addAttribute("extension", extensions.latest(id, user).orElse(null));
    if (ws.status() == WorkspaceStatus.UNREACHABLE) {
      moves.offer(id, user).ifPresent(offer -> model.addAttribute("moveOffer", offer));
    }
    Optional<TemplateView> template =
        templates.list().stream().filter(t -> t.name().equals(ws.template())).findFirst();
    model.addAttribute("clusterTemplate", template.map(TemplateView::cluster).orElse(true));
    model.addAttribute("maxWorkers", template.map(TemplateView::maxWorkers).orElse(ws.workers()));
    if (user.admin() && ws.status() == WorkspaceStatus.PENDING_APPROVAL) {
      workspaces.pendingRequest(id).ifPresent(p -> model.addAttribute("pending", p));
    }
    if (!owner) {
      model.addAttribute("navSection", "all");
    }
    return htmx != null ? "workspaces/detail :: live" : "workspaces/detail";
  }

  @GetMapping(path = "/workspaces/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(@PathVariable UUID id, Authentication auth) {
    workspaces.get(id, CurrentUser.of(auth));
    return updates.subscribe(id, auth.getName());
  }

  @GetMapping(path = "/workspaces/{id}/secret", produces = MediaType.TEXT_HTML_VALUE)
  String secret(
      @PathVariable UUID id,
      HttpMethod method,
      Authentication auth,
      Model model,
      HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    if (method == HttpMethod.HEAD) {
      credentials.checkRevealable(id, CurrentUser.of(auth), "page");
      return null; // headers only: the response is complete
    }
    model.addAttribute("credentials", credentials.reveal(id, CurrentUser.of(auth), "page"));
    return "workspaces/detail :: secret";
  }

  @GetMapping(path = "/workspaces/{id}/credentials.env", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> envFile(@PathVariable UUID id, HttpMethod method, Authentication auth) {
    if (method == HttpMethod.HEAD) {
      credentials.checkRevealable(id, CurrentUser.of(auth), "env file");
      // the name the page tells people to source: the same as the GET's
      return download(workspaces.get(id, CurrentUser.of(auth)).name() + ".env", "");
    }
    WorkspaceCredentials c = credentials.reveal(id, CurrentUser.of(auth), "env file");
    return download(c.workspace() + ".env", c.envFile());
  }

  @GetMapping(path = "/workspaces/{id}/spark-defaults.conf", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> sparkDefaults(
      @PathVariable UUID id, HttpMethod method, Authentication auth) {
    if (method == HttpMethod.HEAD) {
      credentials.checkRevealable(id, CurrentUser.of(auth), "spark-defaults.conf");
      return download("spark-defaults.conf", "");
    }
    WorkspaceCredentials c = credentials.reveal(id, CurrentUser.of(auth), "spark-defaults.conf");
    return download("spark-defaults.conf", c.sparkDefaults());
  }

  private static ResponseEntity<String> download(String filename, String body) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.TEXT_PLAIN)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }

  @GetMapping("/workspaces/{id}/delete")
  String confirmDelete(@PathVariable UUID id, Authentication auth, Model model) {
    WorkspaceView ws = workspaces.get(id, CurrentUser.of(auth));
    model.addAttribute("ws", ws);
    boolean cluster =
        templates.list().stream()
            .filter(t -> t.name().equals(ws.template()))
            .findFirst()
            .map(TemplateView::cluster)
            .orElse(ws.cluster() != null);
    model.addAttribute("terms", DeletionTerms.of(ws.retention(), cluster, ws.datahub()));
    return "workspaces/delete";
  }

  @PostMapping("/workspaces/{id}/delete")
  String delete(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    WorkspaceView deleted = workspaces.delete(id, CurrentUser.of(auth));
    if (deleted.status() == WorkspaceStatus.DELETED) {
      // a request that was never approved: nothing existed, so there is nothing to follow
      redirect.addFlashAttribute("flash", "Withdrew the request '" + deleted.name() + "'.");
      return "redirect:/workspaces";
    }
    redirect.addFlashAttribute(
        "flash", "Deleting '" + deleted.name() + "': this page follows the clean-up.");
    return "redirect:/workspaces/" + id;
  }

  /**
   * A container's recent log lines; with {@code follow} the page fetches them again every two
   * seconds (an htmx partial when the request comes from htmx).
   */
  @GetMapping("/workspaces/{id}/logs/{role}")
  String logs(
      @PathVariable UUID id,
      @PathVariable String role,
      @RequestParam(defaultValue = "200") int lines,
      @RequestParam(defaultValue = "false") boolean follow,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Authentication auth,
      Model model) {
    CurrentUser user = CurrentUser.of(auth);
    model.addAttribute("log", logs.tail(id, role, lines, user));
    model.addAttribute("ws", workspaces.get(id, user));
    model.addAttribute("lines", lines);
    model.addAttribute("follow", follow);
    return htmx != null ? "workspaces/logs :: lines" : "workspaces/logs";
  }

  /** A container's whole log as a file, secrets masked as on the page. */
  @GetMapping(path = "/workspaces/{id}/logs/{role}/download", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> downloadLog(
      @PathVariable UUID id, @PathVariable String role, Authentication auth) {
    CurrentUser user = CurrentUser.of(auth);
    ContainerLog log = logs.full(id, role, user);
    String name = workspaces.get(id, user).name() + "-" + log.role() + ".log";
    return download(name, String.join("\n", log.lines()) + "\n");
  }

  @PostMapping("/workspaces/{id}/stop")
  String stop(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () ->
            "Stopping '"
                + workspaces.stop(id, CurrentUser.of(auth)).name()
                + "': its notebooks and data stay; start it again whenever you like.");
    return "redirect:/workspaces/" + id;
  }

  @PostMapping("/workspaces/{id}/resize")
  String resize(
      @PathVariable UUID id,
      @RequestParam(required = false) Integer workers,
      Authentication auth,
      RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () -> {
          if (workers == null) {
            throw new InvalidWorkspaceRequestException("workers", "is required");
          }
          return "Resizing '"
              + workspaces.resize(id, workers, CurrentUser.of(auth)).name()
              + "' to "
              + workers
              + (workers == 1 ? " worker" : " workers")
              + ": this page follows along.";
        });
    return "redirect:/workspaces/" + id;
  }

  @PostMapping("/workspaces/{id}/start")
  String start(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect, () -> "Starting '" + workspaces.start(id, CurrentUser.of(auth)).name() + "'.");
    return "redirect:/workspaces/" + id;
  }

  /** Moves an UNREACHABLE workspace off its silent hosts, once its owner confirmed the loss. */
  @PostMapping("/workspaces/{id}/move")
  String move(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () ->
            "Moving '"
                + moves.move(id, CurrentUser.of(auth)).name()
                + "' to hosts that answer: this page follows along.");
    return "redirect:/workspaces/" + id;
  }

  @PostMapping("/workspaces/{id}/repair")
  String repair(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    FlashMessages.attempt(
        redirect,
        () ->
            "Repairing '"
                + workspaces.repair(id, CurrentUser.of(auth)).name()
                + "': its missing containers are being recreated; this page follows along.");
    return "redirect:/workspaces/" + id;
  }
}
