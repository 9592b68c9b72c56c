package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.audit.AuditFilter;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.HeadlessChromium;
import org.workspaceportal.testsupport.Leftovers;
import org.workspaceportal.testsupport.Requirement;
import org.workspaceportal.testsupport.RequiresChromium;
import org.workspaceportal.testsupport.TestAdmin;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.pool.WarmPoolViews;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * The pages as people use them, in headless Chromium at a laptop's and a phone's size. Storage-only
 * workspaces ({@link WorkspaceFixtures#STORAGE_TEMPLATE}) reach READY in seconds without a Docker
 * engine, so these tests need none. Every page is saved at both sizes in {@code target/screenshots}
 * for a reviewer to look at, after checking at each size that it is the page it should be.
 */
@RequiresChromium
@PortalIntegrationTest
class PagesInABrowserTest {

  private static final int LAPTOP_WIDTH = 1366;
  private static final int LAPTOP_HEIGHT = 900;
  private static final int PHONE_WIDTH = 390;
  private static final int PHONE_HEIGHT = 844;
  private static final String PASSWORD = "pages-browser-pw";

  /** How the portal's error page (error.html) titles itself, whatever went wrong. */
  private static final String ERROR_PAGE_TITLE = "Problem · Workspace Portal";

  @RegisterExtension
  final HeadlessChromium browser = HeadlessChromium.withWindow(LAPTOP_WIDTH, LAPTOP_HEIGHT);

  private final IdentityService identity;
  private final WorkspaceService workspaces;
  private final TemplateService templates;
  private final WarmPoolViews pools;
  private final AuditService audit;
  private final ApiTokenService tokens;
  private final JdbcTemplate jdbc;
  private final String baseUrl;

  @Autowired HostService hosts;

  /** Workspaces with a Spark cluster this test made: put away after it, whatever happened. */
  private final List<UUID> clusters = new ArrayList<>();

  private String user;
  private TemplateView wideTemplate;

  PagesInABrowserTest(
      @Autowired IdentityService identity,
      @Autowired WorkspaceService workspaces,
      @Autowired TemplateService templates,
      @Autowired WarmPoolViews pools,
      @Autowired AuditService audit,
      @Autowired ApiTokenService tokens,
      @Autowired JdbcTemplate jdbc,
      @LocalServerPort int port) {
    this.identity = identity;
    this.workspaces = workspaces;
    this.templates = templates;
    this.pools = pools;
    this.audit = audit;
    this.tokens = tokens;
    this.jdbc = jdbc;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  @BeforeEach
  void aUserOfTheirOwn() {
    user =
        "pb-"
            + Long.toString(System.currentTimeMillis(), 36)
            + ThreadLocalRandom.current().nextInt(1000);
    identity.createUser(new NewUser(user, PASSWORD, Role.USER), "browser-test");
  }

  @AfterEach
  void withdrawTheTemplate() {
    if (wideTemplate != null) {
      templates.setEnabled(wideTemplate.id(), false, "browser-test");
    }
  }

  @AfterEach
  void leaveNoContainersBehind() {
    clusters.forEach(id -> Leftovers.remove(jdbc, id));
  }

  @Test
  void aRevealedSecretStaysOnAReadyWorkspaceUntilItsOwnerHidesIt() throws Exception {
    WorkspaceView ws = readyWorkspace("secret-" + suffix());
    signIn(user);
    browser.open(baseUrl + "/workspaces/" + ws.id());
    assertThat(find("#live").getDomAttribute("hx-trigger"))
        .as("a finished workspace is not polled")
        .isEqualTo("sse:progress");

    find("#reveal-secret").click();
    String secret = browser.await().until(d -> d.findElement(By.id("secret-value")).getText());
    assertThat(secret).isNotBlank();
    Thread.sleep(16_000);
    assertThat(find("#secret-value").isDisplayed()).as("still shown after 16 s").isTrue();
    assertThat(find("#secret-value").getText()).isEqualTo(secret);

    // a change pushed by the server refreshes the page's live part; the secret stays
    browser.driver().executeScript("htmx.trigger('#live', 'sse:progress')");
    browser.await().until(d -> d.findElement(By.id("secret-value")).isDisplayed());
    assertThat(find("#secret-value").getText()).isEqualTo(secret);
    assertThat(find("#storage button[data-copy='secret-value']").isDisplayed()).isTrue();
    assertThat(revealsOf(ws)).as("revealed once, audited once").isEqualTo(1);
    browser.screenshot("workspace-secret-shown");

    find("#hide-secret").click();
    browser.await().until(d -> d.findElements(By.id("secret-value")).isEmpty());
    assertThat(find("#reveal-secret").isDisplayed()).isTrue();
  }

  @Test
  void theRequestFormsWorkersLimitFollowsTheTemplate() {
    wideTemplate =
        templates.create(
            new TemplateForm(
                "pb-wide-" + suffix(),
                "Wide",
                "workspace-portal/spark:4.0",
                "4.0.1",
                2,
                8,
                1,
                1024),
            "browser-test");
    signIn(user);
    browser.open(baseUrl + "/workspaces/new");
    Select template = new Select(find("#template"));
    WebElement workers = find("#workers");

    template.selectByValue(WorkspaceFixtures.DEFAULT_TEMPLATE);
    assertThat(workers.getDomProperty("max")).isEqualTo("4");
    assertThat(text("#workersHelp")).isEqualTo("1 to 4 for spark-4.0-small; empty: 2.");

    template.selectByValue(wideTemplate.name());
    assertThat(workers.getDomProperty("max")).isEqualTo("8");
    workers.sendKeys("6");
    assertThat(browser.driver().findElements(By.id("workers-error"))).isEmpty();
    assertThat(text("#request-summary [data-summary]"))
        .startsWith("6 workers = 6 CPU / 6.0 GB; after approval: 1 of 5 workspaces, 6 of 16");

    template.selectByValue(WorkspaceFixtures.DEFAULT_TEMPLATE);
    assertThat(text("#workers-error"))
        .isEqualTo("must be at most 4 for template 'spark-4.0-small'");

    template.selectByValue("storage-only");
    assertThat(workers.isEnabled()).as("no cluster, no workers to choose").isFalse();

    // the server says the same, and only that, for the field
    template.selectByValue(WorkspaceFixtures.DEFAULT_TEMPLATE);
    find("#name").sendKeys("too-many-" + suffix());
    workers.clear();
    workers.sendKeys("65");
    browser.clickAndWaitForNewPage(find("#submit-request"));
    assertThat(path()).isEqualTo("/workspaces");
    assertThat(browser.driver().findElements(By.cssSelector(".invalid-feedback")))
        .extracting(WebElement::getText)
        .containsExactly("must be at most 4 for template 'spark-4.0-small'");
    assertThat(find("#workers").getDomProperty("max")).isEqualTo("4");
  }

  @Test
  void onAPhoneTheListTheWorkspacePageAndTheApprovalsFitTheScreen() {
    // expiring within the warning time: the page shows the warning and the "More time" card
    WorkspaceView ready =
        readyWorkspace(
            new WorkspaceRequest(
                "phone-" + suffix(),
                null,
                WorkspaceFixtures.STORAGE_TEMPLATE,
                null,
                null,
                null,
                Instant.now().plus(Duration.ofHours(12))));
    signIn(user);
    browser.open(baseUrl + "/workspaces/" + ready.id());
    assertThat(top("#expiry-warning"))
        .as("on a laptop the expiry warning stays near the top")
        .isLessThan(top("#storage"));
    signOut();
    workspaces.request(
        new WorkspaceRequest(
            "phone-wait-" + suffix(),
            "A long description that should wrap on a narrow screen rather than push anything out",
            WorkspaceFixtures.STORAGE_TEMPLATE,
            null,
            null,
            null,
            null),
        new CurrentUser(user, false));
    browser.resizeViewport(PHONE_WIDTH, PHONE_HEIGHT);
    signIn(user);

    fits("/workspaces", "phone-my-workspaces");
    browser.open(baseUrl + "/workspaces/" + ready.id());
    assertThat(top("#storage"))
        .as("what the user came for comes first")
        .isLessThan(top("#details"))
        .isLessThan(top("#expiry-warning"))
        .isLessThan(top("#extension"));
    assertThat(find("#extension-form").isDisplayed()).isTrue();
    assertThat(find("#progress").getDomAttribute("open"))
        .as("finished progress is folded")
        .isNull();
    click(find("#reveal-secret"));
    browser.await().until(d -> d.findElement(By.id("secret-value")).isDisplayed());
    click(find("#snippets summary"));
    click(find("#progress summary"));
    fitsAsItIs("phone-workspace-ready");
    fingerSized(".copy-btn", 6); // the bucket, the key id, the endpoint, the id, the secret, Hide
    // the history: its last three entries, the older ones one tap away
    assertThat(browser.driver().findElements(By.cssSelector("#history tbody tr")))
        .filteredOn(WebElement::isDisplayed)
        .hasSize(3);
    click(find("#history-show-all"));
    assertThat(browser.driver().findElements(By.cssSelector("#history tbody tr")))
        .filteredOn(WebElement::isDisplayed)
        .hasSizeGreaterThan(3);
    browser.open(baseUrl + "/workspaces/new");
    fingerSized("[data-expiry-for]", 4);
    signOut();

    signIn(TestAdmin.USERNAME, TestAdmin.PASSWORD);
    assertThat(path()).as("admins land on the approvals").isEqualTo("/admin/approvals");
    fits("/admin/approvals", "phone-approvals");
  }

  @Test
  void everyPageAtALaptopsAndAPhonesSize() {
    WorkspaceView ready = readyWorkspace("shot-" + suffix());
    WorkspaceView pending =
        workspaces.request(
            WorkspaceFixtures.request("shot-wait-" + suffix()), new CurrentUser(user, false));
    WorkspaceView rejected =
        workspaces.request(
            WorkspaceFixtures.request("shot-no-" + suffix()), new CurrentUser(user, false));
    workspaces.reject(
        rejected.id(), "Please use a cluster template", new CurrentUser("browser-test", true));
    WorkspaceView deleted = readyWorkspace("shot-gone-" + suffix());
    workspaces.delete(deleted.id(), new CurrentUser(user, false));
    browser
        .await()
        .withTimeout(Duration.ofMinutes(1))
        .until(
            d ->
                workspaces.get(deleted.id(), new CurrentUser(user, false)).status()
                    == WorkspaceStatus.DELETED);
    tokens.create(user, "laptop script", Instant.now().plus(Duration.ofDays(90)));
    tokens.create(user, "nightly export to the data lake", null);
    tokens.revoke(user, tokens.create(user, "old notebook", null).id());

    Page login = Page.ok("login", "/login", "Sign in", "#sign-in");
    List<Page> userPages =
        List.of(
            Page.ok("my-workspaces", "/workspaces", "My workspaces", named("#workspaces", ready)),
            Page.ok("request-form", "/workspaces/new", "Request a workspace", "#request-form"),
            Page.ok(
                "request-again",
                "/workspaces/new?from=" + rejected.id(),
                "Request a workspace",
                "#request-again-note ~ #request-form #name[value='" + rejected.name() + "']"),
            Page.ok(
                "workspace-ready",
                "/workspaces/" + ready.id(),
                ready.name(),
                "#live[data-status='READY'] #storage"),
            Page.ok(
                "workspace-pending",
                "/workspaces/" + pending.id(),
                pending.name(),
                "#live[data-status='PENDING_APPROVAL']"),
            Page.ok(
                "workspace-rejected",
                "/workspaces/" + rejected.id(),
                rejected.name(),
                "#live[data-status='REJECTED'] #request-again"),
            Page.ok(
                "workspace-deleted",
                "/workspaces/" + deleted.id(),
                deleted.name(),
                "#live[data-status='DELETED'] #tombstone #tombstone-recoverable"),
            Page.ok(
                "delete",
                "/workspaces/" + ready.id() + "/delete",
                "Delete " + ready.name() + "?",
                "#confirm-delete"),
            Page.ok(
                "withdraw",
                "/workspaces/" + pending.id() + "/delete",
                "Withdraw the request for " + pending.name() + "?",
                "#confirm-delete"),
            Page.ok("tokens", "/tokens", "API tokens", "#tokens tr[data-token='laptop script']"),
            Page.ok("change-password", "/account/password", "Change password", "#password-form"),
            new Page(
                "not-found", "/workspaces/" + UUID.randomUUID(), 404, "Not found", "main .lead"));
    List<Page> adminPages =
        List.of(
            Page.ok(
                "approvals",
                "/admin/approvals",
                "Requests waiting for approval",
                ".card[data-name='" + pending.name() + "']"),
            Page.ok(
                "workspace-pending-admin",
                "/workspaces/" + pending.id(),
                pending.name(),
                "#live[data-status='PENDING_APPROVAL']"),
            Page.ok("all-workspaces", "/admin/workspaces", "All workspaces", "#workspace-list"),
            Page.ok(
                "settings",
                "/admin/settings",
                "Settings",
                "#expiry-setting #keep-stopped-for-days"),
            Page.ok(
                "first-run", "/admin/first-run", "Getting started", "#first-run #first-run-host"),
            Page.ok("hosts", "/admin/hosts", "Docker hosts", "#register-host"),
            Page.ok("host-form", "/admin/hosts/new", "Register a Docker host", "#host-form"),
            Page.ok(
                "templates",
                "/admin/templates",
                "Workspace templates",
                "#templates tr[data-template='" + WorkspaceFixtures.DEFAULT_TEMPLATE + "']"),
            Page.ok("template-form", "/admin/templates/new", "New template", "#poolSize"),
            Page.ok(
                "template-edit",
                "/admin/templates/" + WorkspaceFixtures.DEFAULT_TEMPLATE_ID + "/edit",
                "Edit template " + WorkspaceFixtures.DEFAULT_TEMPLATE,
                "#poolSize"),
            Page.ok("users", "/admin/users", "Users", "#users tr[data-username='" + user + "']"),
            Page.ok("audit", "/admin/audit", "Audit trail", "#audit"));
    for (boolean phone : List.of(false, true)) {
      if (phone) {
        browser.resizeViewport(PHONE_WIDTH, PHONE_HEIGHT);
      }
      String size = phone ? "phone" : "laptop";
      shoot(login, size, phone);
      signIn(user);
      for (Page page : userPages) {
        shoot(page, size, phone);
      }
      signOut();
      signIn(TestAdmin.USERNAME, TestAdmin.PASSWORD);
      for (Page page : adminPages) {
        shoot(page, size, phone);
      }
      signOut();
    }
  }

  @Test
  void aUserChangesHerPasswordFromTheUserMenuOnAPhoneAndSignsInWithTheNewOne() {
    browser.resizeViewport(PHONE_WIDTH, PHONE_HEIGHT);
    signIn(user);
    find(".navbar-toggler").click(); // the phone's menu
    browser.await().until(d -> d.findElement(By.id("nav-user")).isDisplayed());
    click(find("#nav-user"));
    browser.await().until(d -> d.findElement(By.id("nav-password")).isDisplayed());
    browser.clickAndWaitForNewPage(find("#nav-password"));
    assertThat(path()).isEqualTo("/account/password");

    find("#currentPassword").sendKeys(PASSWORD);
    find("#password").sendKeys("a-brand-new-pw-1");
    find("#repeat").sendKeys("a-brand-new-pw-2");
    browser.clickAndWaitForNewPage(find("#change-password"));
    assertThat(text("#repeatedTheSame-error")).isEqualTo("the two passwords differ");
    fitsAsItIs("page-change-password-mismatch-phone");

    find("#currentPassword").sendKeys(PASSWORD);
    find("#password").sendKeys("a-brand-new-pw-1");
    find("#repeat").sendKeys("a-brand-new-pw-1");
    browser.clickAndWaitForNewPage(find("#change-password"));
    assertThat(path()).isEqualTo("/workspaces");
    assertThat(text("main .alert-success"))
        .isEqualTo("Changed your password; your other browsers are signed out.");
    signOut();
    signIn(user, "a-brand-new-pw-1");
    assertThat(path()).isEqualTo("/workspaces");
  }

  @Test
  void aWorkspaceWithASparkClusterFitsAPhoneWithItsLinksFirst() {
    Requirement.require(
        "the workspace image on a Docker engine", DockerCli.workspaceImageMissing());
    CurrentUser owner = new CurrentUser(user, false);
    // the image of this checkout (what CI built), not whatever the engine's alias names now
    String template =
        LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc).template();
    // one worker, expiring within the warning time: the cluster card, the resize form, the
    // containers, the expiry warning and the "More time" card all on one page
    WorkspaceView ws =
        workspaces.request(
            new WorkspaceRequest(
                "cluster-" + suffix(),
                null,
                template,
                1,
                null,
                null,
                Instant.now().plus(Duration.ofHours(12))),
            owner);
    clusters.add(ws.id());
    workspaces.approve(ws.id(), new CurrentUser("browser-test", true));
    browser
        .await()
        .withTimeout(Duration.ofMinutes(5))
        .until(d -> workspaces.get(ws.id(), owner).status() == WorkspaceStatus.READY);
    String page = baseUrl + "/workspaces/" + ws.id();
    signIn(user);

    for (boolean phone : List.of(false, true)) {
      if (phone) {
        browser.resizeViewport(PHONE_WIDTH, PHONE_HEIGHT);
      }
      String size = phone ? "phone" : "laptop";
      browser.open(page);
      browser.await().until(d -> d.findElement(By.id("open-jupyter")).isDisplayed());
      assertThat(text("#workers-alive")).isEqualTo("1 of 1 worker alive");
      for (String part : List.of("#cluster", "#resize", "#containers", "#extension")) {
        assertThat(find(part).isDisplayed()).as("%s is shown", part).isTrue();
      }
      assertThat(top("#open-jupyter"))
          .as("the links come before the request for more time")
          .isLessThan(top("#extension"))
          .isLessThan(top("#storage"));
      if (phone) {
        assertThat(top("#storage"))
            .as("on a phone the links and the storage come before the expiry")
            .isLessThan(top("#expiry-warning"));
      } else {
        assertThat(top("#expiry-warning"))
            .as("on a laptop the expiry warning stays near the top")
            .isLessThan(top("#open-jupyter"));
      }
      fitsAsItIs("page-workspace-cluster-" + size);

      browser.clickAndWaitForNewPage(find("#containers .container-log"));
      assertThat(path()).startsWith("/workspaces/" + ws.id() + "/logs/");
      assertThat(find("#log-lines").getText()).isNotBlank();
      assertThat(find("#download-log").isDisplayed()).isTrue();
      // opened at its newest line: scrolled to the bottom of its box
      Boolean atNewest =
          (Boolean)
              browser
                  .driver()
                  .executeScript(
                      "var p = document.querySelector('#log-lines pre');"
                          + " return p.scrollTop + p.clientHeight >= p.scrollHeight - 2;");
      assertThat(atNewest).isTrue();
      fitsAsItIs("page-logs-" + size);
    }

    // the offline image has no PySpark: the page says how to run Spark without it
    browser.open(page);
    assertThat(text("#spark-how")).contains("This image has no PySpark");
    assertThat(find("#snippet-spark-submit").getAttribute("textContent"))
        .startsWith("!/opt/spark/bin/spark-submit --class");
    // Open Jupyter on the list's row too, the same link as on the page, a finger's size on a phone
    String jupyter = find("#open-jupyter").getAttribute("href");
    browser.open(baseUrl + "/workspaces");
    WebElement row = find("tr[data-name='" + ws.name() + "'] .open-jupyter");
    assertThat(row.getAttribute("href")).isEqualTo(jupyter);
    fingerSized("tr .open-jupyter", 1);
    // a resize that went through ends in what happened
    browser.resizeViewport(LAPTOP_WIDTH, LAPTOP_HEIGHT);
    browser.open(page);
    find("#resize-workers").clear();
    find("#resize-workers").sendKeys("2");
    browser.clickAndWaitForNewPage(find("#resize button[type=submit]"));
    browser
        .await()
        .withTimeout(Duration.ofMinutes(3))
        .until(d -> d.findElements(By.id("resized")).size() == 1);
    assertThat(text("#resized")).matches("Resized to 2 workers in [0-9.]+ (ms|s)\\. .*");
    browser.screenshot("page-workspace-resized");

    workspaces.stop(ws.id(), owner);
    browser
        .await()
        .withTimeout(Duration.ofMinutes(2))
        .until(d -> workspaces.get(ws.id(), owner).status() == WorkspaceStatus.STOPPED);
    for (boolean phone : List.of(true, false)) {
      if (!phone) {
        browser.resizeViewport(LAPTOP_WIDTH, LAPTOP_HEIGHT);
      }
      browser.open(page);
      assertThat(find("#start").isDisplayed()).isTrue();
      fitsAsItIs("page-workspace-stopped-" + (phone ? "phone" : "laptop"));
    }

    workspaces.delete(ws.id(), owner);
    browser
        .await()
        .withTimeout(Duration.ofMinutes(2))
        .until(d -> workspaces.get(ws.id(), owner).status() == WorkspaceStatus.DELETED);
  }

  @Test
  void aWorkspaceWaitingForRoomSaysSoAtTheTopAndStartsOnceThereIsRoom() {
    Requirement.require(
        "the workspace image on a Docker engine", DockerCli.workspaceImageMissing());
    CurrentUser owner = new CurrentUser(user, false);
    String template =
        LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc).template();
    // the local host's room taken by a lease of the test's own
    UUID hog = UUID.randomUUID();
    UUID local =
        hosts.list().stream()
            .filter(h -> h.endpoint().startsWith("unix://") && h.status() == HostStatus.UP)
            .findFirst()
            .orElseThrow()
            .id();
    jdbc.update(
        "insert into host_leases (host_id, workspace_id, role, cpus, memory_mb, created_at)"
            + " values (?, ?, 'hog', 100000, 100000000, now())",
        local,
        hog);
    try {
      WorkspaceView ws =
          workspaces.request(
              new WorkspaceRequest("room-" + suffix(), null, template, 1, null, null, null), owner);
      clusters.add(ws.id());
      workspaces.approve(ws.id(), new CurrentUser("browser-test", true));
      browser
          .await()
          .withTimeout(Duration.ofMinutes(1))
          .until(d -> workspaces.get(ws.id(), owner).waitingForRoom() != null);
      signIn(user);
      String page = baseUrl + "/workspaces/" + ws.id();
      for (boolean phone : List.of(false, true)) {
        browser.resizeViewport(
            phone ? PHONE_WIDTH : LAPTOP_WIDTH, phone ? PHONE_HEIGHT : LAPTOP_HEIGHT);
        browser.open(page);
        browser.await().until(d -> !d.findElements(By.id("waiting-for-room")).isEmpty());
        assertThat(text("#waiting-for-room")).startsWith("Waiting for room on the hosts since ");
        assertThat(text("#progress-line"))
            .matches("Step \\d+ of \\d+ · Waiting for room on the hosts · .* so far.*");
        assertThat(top("#waiting-for-room")).as("said at the top").isLessThan(top("#steps"));
        assertThat(browser.driver().findElements(By.id("storage")))
            .as("placed before its storage is made: nothing made for it while it waits")
            .isEmpty();
        browser.screenshot("page-workspace-waiting-for-room-" + (phone ? "phone" : "laptop"));
      }
      browser.open(baseUrl + "/workspaces");
      assertThat(text("tr[data-name='" + ws.name() + "'] .waiting-for-room"))
          .startsWith("Waiting for room on the hosts since ");
      fitsAsItIs("phone-my-workspaces-waiting");

      // room again: it starts by itself, and the page follows without a reload
      jdbc.update("delete from host_leases where workspace_id = ?", hog);
      browser.open(page);
      browser
          .await()
          .withTimeout(Duration.ofMinutes(3))
          .until(d -> !d.findElements(By.id("open-jupyter")).isEmpty());
      assertThat(browser.driver().findElements(By.id("waiting-for-room"))).isEmpty();
    } finally {
      jdbc.update("delete from host_leases where workspace_id = ?", hog);
    }
  }

  @Test
  void anAdminGivesATemplateAWarmPoolAndTheWorkspaceGetsAClusterFromIt() {
    Requirement.require(
        "the workspace image on a Docker engine", DockerCli.workspaceImageMissing());
    TemplateView pooled =
        templates.create(
            new TemplateForm(
                "pb-pool-" + suffix(),
                "Kept warm",
                LiveWorkspaces.requireImageOfThisCheckout(),
                "4.0.1",
                1,
                2,
                1,
                1024),
            "browser-test");
    try {
      signIn(TestAdmin.USERNAME, TestAdmin.PASSWORD);
      browser.open(baseUrl + "/admin/templates/" + pooled.id() + "/edit");
      assertThat(browser.driver().findElements(By.cssSelector("#pool-cost-line"))).isEmpty();
      find("#poolSize").clear();
      find("#poolSize").sendKeys("1");
      // the cost follows the typing: one worker's core and the master's and worker's memory
      browser
          .await()
          .withTimeout(Duration.ofSeconds(10))
          .until(d -> !d.findElements(By.cssSelector("#pool-cost-line")).isEmpty());
      assertThat(text("#pool-cost-line"))
          .startsWith("Holds 1 core and ")
          .contains(" GB on the hosts at all times: ")
          .contains("% of their cores");
      fitsAsItIs("page-template-form-pool-cost");
      browser.clickAndWaitForNewPage(
          browser.driver().findElement(By.xpath("//main//button[normalize-space()='Save']")));
      String row = "tr[data-template='" + pooled.name() + "'] .template-pool";
      browser
          .await()
          .withTimeout(Duration.ofMinutes(3))
          .pollingEvery(Duration.ofSeconds(1))
          .until(
              d -> {
                d.navigate().refresh();
                return d.findElement(By.cssSelector(row)).getText().contains("1 of 1 ready");
              });
      fitsAsItIs("page-templates-warm-pool");
      browser.open(baseUrl + "/admin/hosts");
      assertThat(text(".host-pool")).isEqualTo("+ 1 warm-pool cluster");
      fitsAsItIs("page-hosts-warm-pool");
      signOut();

      CurrentUser owner = new CurrentUser(user, false);
      WorkspaceView ws =
          workspaces.request(
              new WorkspaceRequest("pooled-" + suffix(), null, pooled.name(), 1, null, null, null),
              owner);
      clusters.add(ws.id());
      workspaces.approve(ws.id(), new CurrentUser("browser-test", true));
      browser
          .await()
          .withTimeout(Duration.ofMinutes(2))
          .until(d -> workspaces.get(ws.id(), owner).status() == WorkspaceStatus.READY);
      signIn(user);
      browser.open(baseUrl + "/workspaces/" + ws.id());
      assertThat(find(".from-warm-pool").isDisplayed()).isTrue();
      assertThat(find("#open-jupyter").isDisplayed()).isTrue();
      fitsAsItIs("page-workspace-from-warm-pool");

      workspaces.delete(ws.id(), owner);
      browser
          .await()
          .withTimeout(Duration.ofMinutes(2))
          .until(d -> workspaces.get(ws.id(), owner).status() == WorkspaceStatus.DELETED);
    } finally {
      templates.setEnabled(pooled.id(), false, "browser-test"); // its pool is drained
      browser
          .await()
          .withTimeout(Duration.ofMinutes(2))
          .until(d -> !pools.byTemplate().containsKey(pooled.id()));
    }
  }

  @Test
  void expiryPresetsFillTheirFieldAndDestructiveActionsAskFirst() {
    WorkspaceView ready = readyWorkspace("ask-" + suffix());
    signIn(user);

    // the request form's presets: a week from now (UTC, on the hour), and back to never
    browser.open(baseUrl + "/workspaces/new");
    WebElement expiresAt = find("#expiresAt");
    assertThat(expiresAt.getDomProperty("value")).isEmpty();
    click(find("[data-expiry-for='expiresAt'][data-expiry-days='7']"));
    LocalDateTime aWeek = LocalDateTime.parse(expiresAt.getDomProperty("value"));
    assertThat(Duration.between(LocalDateTime.now(ZoneOffset.UTC), aWeek))
        .isBetween(Duration.ofDays(7).minusMinutes(61), Duration.ofDays(7));
    // the choice in words beside the field
    assertThat(text("[data-when-for='expiresAt']"))
        .matches(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:00 UTC — in 7 days");
    click(find("[data-expiry-for='expiresAt'][data-expiry-days='0']"));
    assertThat(expiresAt.getDomProperty("value")).as("Never empties it").isEmpty();
    assertThat(text("[data-when-for='expiresAt']"))
        .isEqualTo("Never: it lives until you delete it.");
    // a name that cannot be right is said as it is typed, with one that would be
    find("#name").sendKeys("Churn Model");
    assertThat(text("#name-error")).endsWith("for instance churn-model");

    // the token page's presets fill a date
    browser.open(baseUrl + "/tokens");
    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    click(find("[data-expiry-for='token-expires'][data-expiry-days='30']"));
    LocalDate after = LocalDate.now(ZoneOffset.UTC);
    assertThat(LocalDate.parse(find("#token-expires").getDomProperty("value")))
        .isIn(before.plusDays(30), after.plusDays(30));
    assertThat(text("[data-when-for='token-expires']"))
        .matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4} — in 1 month");

    // revoking asks first; "Cancel" keeps the token
    String name = "ask-first-" + suffix();
    tokens.create(user, name, null);
    browser.open(baseUrl + "/tokens");
    click(find("#tokens tr[data-token='" + name + "'] .revoke"));
    Alert question = browser.await().until(ExpectedConditions.alertIsPresent());
    assertThat(question.getText())
        .isEqualTo("Revoke " + name + "? Scripts that use it stop working at once.");
    question.dismiss();
    assertThat(path()).isEqualTo("/tokens");
    assertThat(find("#tokens tr[data-token='" + name + "']").isDisplayed()).isTrue();
    assertThat(tokens.list(user))
        .filteredOn(t -> t.name().equals(name))
        .singleElement()
        .satisfies(t -> assertThat(t.revokedAt()).isNull());
    // "OK" revokes it
    WebElement oldPage = find("html");
    click(find("#tokens tr[data-token='" + name + "'] .revoke"));
    browser.await().until(ExpectedConditions.alertIsPresent()).accept();
    browser.await().until(ExpectedConditions.stalenessOf(oldPage));
    assertThat(browser.driver().findElements(By.cssSelector("tr[data-token='" + name + "']")))
        .as("no longer among the tokens in use")
        .isEmpty();
    assertThat(text("#inactive-tokens summary")).startsWith("Revoked and expired");

    // deleting a workspace asks on a page of its own; "Cancel" goes back and keeps it
    browser.open(baseUrl + "/workspaces/" + ready.id());
    browser.clickAndWaitForNewPage(find("#delete"));
    assertThat(text("h1")).isEqualTo("Delete " + ready.name() + "?");
    assertThat(find("#confirm-delete").isDisplayed()).isTrue();
    browser.clickAndWaitForNewPage(find("#confirm-delete + a"));
    assertThat(path()).isEqualTo("/workspaces/" + ready.id());
    assertThat(find("#status .status-badge").getDomAttribute("data-status")).isEqualTo("READY");
    assertThat(workspaces.get(ready.id(), new CurrentUser(user, false)).status())
        .isEqualTo(WorkspaceStatus.READY);
  }

  /**
   * A page to look at: the name of its screenshot, its address, and what shows that this page and
   * no other rendered: the HTTP status its address answered with, how its heading starts, and an
   * element (CSS) that only it has, shown.
   */
  private record Page(String name, String path, int status, String heading, String marker) {

    static Page ok(String name, String path, String heading, String marker) {
      return new Page(name, path, 200, heading, marker);
    }
  }

  /**
   * Opens the page, checks it is what it should be, and saves it; on a phone, also checks that
   * nothing on it sticks out sideways. A screenshot alone proves nothing: an error page, a login
   * page after a lost session or another workspace's page would be saved as happily.
   */
  private void shoot(Page page, String size, boolean phone) {
    browser.open(baseUrl + page.path());
    String where = page.path() + " at a " + size + "'s width";
    assertThat(browser.navigationStatus()).as("HTTP status of %s", where).isEqualTo(page.status());
    assertThat(path()).as("%s was not redirected", where).isEqualTo(pathOf(page.path()));
    assertThat(browser.driver().getTitle())
        .as("%s is %s error page", where, page.status() >= 400 ? "an" : "no")
        .matches(
            title -> title.startsWith(ERROR_PAGE_TITLE) == (page.status() >= 400),
            "starts with '" + ERROR_PAGE_TITLE + "' only on an error page");
    assertThat(text("main h1")).as("heading of %s", where).startsWith(page.heading());
    assertThat(browser.driver().findElements(By.cssSelector(page.marker())))
        .as("%s shows %s", where, page.marker())
        .isNotEmpty()
        .allMatch(WebElement::isDisplayed, "shown");
    browser.fullPageScreenshot("page-" + page.name() + "-" + size);
    if (phone) {
      assertThat(browser.whatSticksOutSideways()).as("%s on a phone", page.path()).isEmpty();
    }
  }

  /** The CSS selector of {@code list}'s row of the workspace, by its link. */
  private static String named(String list, WorkspaceView ws) {
    return list + " tr[data-name='" + ws.name() + "'] a[href='/workspaces/" + ws.id() + "']";
  }

  private static String pathOf(String pathAndQuery) {
    return URI.create(pathAndQuery).getPath();
  }

  /** Opens a page at the current size, saves it, and checks that nothing sticks out. */
  private void fits(String page, String screenshot) {
    browser.open(baseUrl + page);
    fitsAsItIs(screenshot);
  }

  private void fitsAsItIs(String screenshot) {
    browser.fullPageScreenshot(screenshot);
    assertThat(browser.whatSticksOutSideways()).as(screenshot).isEmpty();
  }

  /** A storage-only workspace of {@link #user}, approved and provisioned to READY. */
  private WorkspaceView readyWorkspace(String name) {
    return readyWorkspace(WorkspaceFixtures.request(name));
  }

  /** A workspace of {@link #user} as requested, approved and provisioned to READY. */
  private WorkspaceView readyWorkspace(WorkspaceRequest request) {
    CurrentUser owner = new CurrentUser(user, false);
    WorkspaceView ws = workspaces.request(request, owner);
    workspaces.approve(ws.id(), new CurrentUser("browser-test", true));
    browser
        .await()
        .withTimeout(Duration.ofMinutes(2))
        .until(d -> workspaces.get(ws.id(), owner).status() == WorkspaceStatus.READY);
    return ws;
  }

  private long revealsOf(WorkspaceView ws) {
    return audit
        .search(new AuditFilter("credentials.revealed", user, null, null), 0, 50)
        .getContent()
        .stream()
        .filter(e -> e.target().equals(user + "/" + ws.name()))
        .count();
  }

  private void signIn(String username) {
    signIn(username, PASSWORD);
  }

  private void signIn(String username, String password) {
    browser.open(baseUrl + "/login");
    find("#username").sendKeys(username);
    find("#password").sendKeys(password);
    browser.clickAndWaitForNewPage(find("#sign-in"));
    assertThat(path()).as("signed in as %s", username).isNotEqualTo("/login");
  }

  private void signOut() {
    if (!find("#logout").isDisplayed()) {
      find(".navbar-toggler").click(); // the phone's menu
    }
    browser.await().until(d -> d.findElement(By.id("logout")).isDisplayed());
    browser.clickAndWaitForNewPage(By.id("logout"));
    assertThat(path()).isEqualTo("/login");
  }

  /**
   * Clicks where the element is now: scrolled to at once, not smoothly (a click mid-scroll misses).
   */
  private void click(WebElement element) {
    browser
        .driver()
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    element.click();
  }

  private static String suffix() {
    return Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
  }

  /** Where the element's top is on the page, in CSS pixels. */
  /**
   * At least {@code atLeast} elements match, and each one shown is at least 44 px high and wide: a
   * finger's size on a phone.
   */
  private void fingerSized(String css, int atLeast) {
    List<WebElement> shown =
        browser.driver().findElements(By.cssSelector(css)).stream()
            .filter(WebElement::isDisplayed)
            .toList();
    assertThat(shown).as("shown: " + css).hasSizeGreaterThanOrEqualTo(atLeast);
    for (WebElement e : shown) {
      assertThat(e.getRect().getHeight())
          .as(css + " '" + e.getText() + "' height")
          .isGreaterThanOrEqualTo(44);
      assertThat(e.getRect().getWidth())
          .as(css + " '" + e.getText() + "' width")
          .isGreaterThanOrEqualTo(44);
    }
  }

  private int top(String css) {
    // read again when the page's live part was swapped between finding and measuring
    return browser
        .await()
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.cssSelector(css)).getRect().getY());
  }

  private String text(String css) {
    return browser.await().until(d -> d.findElement(By.cssSelector(css)).getText());
  }

  private WebElement find(String css) {
    return browser.await().until(d -> d.findElement(By.cssSelector(css)));
  }

  private String path() {
    return URI.create(browser.driver().getCurrentUrl()).getPath();
  }
}
