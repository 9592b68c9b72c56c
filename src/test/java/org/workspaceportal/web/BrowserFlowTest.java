package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.SparkContainers;
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
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * The whole portal in a real browser: a user requests a workspace, an admin approves it, the user
 * follows it to READY, opens Jupyter on its cluster, and deletes it. Screenshots of the main pages
 * land in {@code target/screenshots} for people to look at.
 */
@RequiresChromium
@PortalIntegrationTest
class BrowserFlowTest {

  static final String ADMIN_PASSWORD = TestAdmin.PASSWORD;
  private static final String USER_PASSWORD = "browser-test-user-pw";
  private static final String DESCRIPTION = "Churn model for <b>bold</b> analysts & \"friends\"";

  /** Approved, or further along the provisioning path; never back in the queue or failed. */
  private static final Set<String> APPROVED_OR_LATER = Set.of("APPROVED", "PROVISIONING", "READY");

  /** Starts a kernel and runs {@code 6*7} on it over its WebSocket, as Jupyter's pages do. */
  private static final String RUN_A_CELL =
      """
      const done = arguments[arguments.length - 1];
      const xsrf = decodeURIComponent(document.cookie.match(/_xsrf=([^;]+)/)[1]);
      fetch('/api/kernels', {method: 'POST', headers: {'X-XSRFToken': xsrf}, body: '{}'})
        .then(r => r.status === 201 ? r.json()
            : r.text().then(t => { throw new Error(r.status + ' ' + t); }))
        .then(k => {
          const ws = new WebSocket('ws://' + location.host + '/api/kernels/' + k.id
              + '/channels?session_id=browser-test');
          const seen = [];
          let sent = 0;
          // the answer comes twice: as the cell's result (iopub) and in the reply's
          // user_expressions (shell); a fresh kernel may miss the first request: again every 5 s
          const execute = () => ws.send(JSON.stringify({
            header: {msg_id: 'cell-' + (++sent), username: 'test', session: 'browser-test',
                     msg_type: 'execute_request', version: '5.3'},
            parent_header: {}, metadata: {}, channel: 'shell', buffers: [],
            content: {code: '6*7', silent: false, store_history: false,
                      user_expressions: {answer: '6*7'}, allow_stdin: false}}));
          let resend;
          const answer = text => {
            clearInterval(resend);
            ws.close();
            done(text + ' on kernel ' + k.id);
          };
          ws.onopen = () => { execute(); resend = setInterval(execute, 5000); };
          ws.onclose = e => done('closed ' + e.code + ' after ' + seen.join(', '));
          setTimeout(() => done('no result in 90 s; seen ' + seen.join(', ')), 90000);
          ws.onmessage = e => {
            const m = JSON.parse(e.data);
            seen.push(m.msg_type);
            if (m.msg_type === 'execute_result') {
              answer(m.content.data['text/plain']);
            }
            const expression = m.msg_type === 'execute_reply' && m.content.user_expressions
                && m.content.user_expressions.answer;
            if (expression && expression.status === 'ok') {
              answer(expression.data['text/plain']);
            }
          };
          ws.onerror = () => done('the kernel WebSocket failed');
        })
        .catch(e => done('failed: ' + e));
      """;

  /** Opens a WebSocket to a kernel and keeps it; window.keptSocketClosed says when it closes. */
  private static final String KEEP_A_KERNEL_OPEN =
      """
      const [kernelId, done] = arguments;
      window.keptSocketClosed = false;
      const ws = new WebSocket('ws://' + location.host + '/api/kernels/' + kernelId
          + '/channels?session_id=kept');
      ws.onopen = () => done('open');
      ws.onerror = () => done('the WebSocket failed');
      ws.onclose = () => { window.keptSocketClosed = true; };
      window.keptSocket = ws;
      """;

  /** Opens a terminal and has its shell compute 6*7 over the terminal's WebSocket. */
  private static final String USE_A_TERMINAL =
      """
      const done = arguments[arguments.length - 1];
      const xsrf = decodeURIComponent(document.cookie.match(/_xsrf=([^;]+)/)[1]);
      fetch('/api/terminals', {method: 'POST', headers: {'X-XSRFToken': xsrf}})
        .then(r => r.json())
        .then(t => {
          const ws = new WebSocket('ws://' + location.host + '/terminals/websocket/' + t.name);
          let seen = '';
          let sent = 0;
          let ended = false;
          const end = what => { if (!ended) { ended = true; ws.close(); done(what); } };
          // typed once the shell shows its prompt (its first output), and again every few
          // seconds while nothing answers: a line typed before the shell reads may be lost
          const type = () => {
            if (ended) return;
            sent++;
            ws.send(JSON.stringify(['stdin', 'echo terminal said $((6*7))\\r']));
          };
          const retype = setInterval(() => { if (sent < 5) type(); }, 4000);
          ws.onmessage = e => {
            const m = JSON.parse(e.data);
            if (m[0] === 'stdout') {
              seen += m[1];
              if (sent === 0) type();
              if (/terminal said 42/.test(seen.replace(/echo terminal said/g, ''))) {
                clearInterval(retype);
                end('terminal said 42');
              }
            }
          };
          ws.onerror = () => { clearInterval(retype); end('the terminal WebSocket failed'); };
          ws.onclose = e => {
            clearInterval(retype);
            end('the terminal WebSocket closed (' + e.code + ') after: ' + seen);
          };
        })
        .catch(e => done('failed: ' + e));
      """;

  @RegisterExtension final HeadlessChromium browser = HeadlessChromium.withWindow(1280, 900);

  private final IdentityService identity;
  private final WorkspaceService workspaces;
  private final String baseUrl;

  BrowserFlowTest(
      @Autowired IdentityService identity,
      @Autowired WorkspaceService workspaces,
      @LocalServerPort int port) {
    this.identity = identity;
    this.workspaces = workspaces;
    // localhost, as the gateway sends people to sign in (portal.gateway.portal-url's default)
    this.baseUrl = "http://localhost:" + port;
  }

  /** Whoever this test signed up: their workspaces' containers are removed after the test. */
  private String user;

  @Autowired JdbcTemplate jdbc;
  @Autowired TemplateService templates;

  /** A run that stopped half-way leaves no container, lease or live workspace behind. */
  @AfterEach
  void leaveNoContainersBehind() {
    if (user == null) {
      return;
    }
    workspaces
        .list(new CurrentUser(user, false), null, null)
        .forEach(w -> Leftovers.remove(jdbc, w.id()));
  }

  @Test
  void aRequestedWorkspaceIsApprovedAndItsOwnerOpensJupyterOnItsCluster() {
    Requirement.require(
        "the workspace image on a Docker engine", DockerCli.workspaceImageMissing());
    String suffix =
        Long.toString(System.currentTimeMillis(), 36) + ThreadLocalRandom.current().nextInt(1000);
    user = "bt-user-" + suffix;
    String workspace = "bt-ws-" + suffix;
    identity.createUser(new NewUser(user, USER_PASSWORD, Role.USER), "browser-test");
    // the image of this checkout (what CI built), not whatever the engine's alias names now
    String template =
        LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc).template();

    // The user requests a workspace.
    signIn(user, USER_PASSWORD);
    browser.clickAndWaitForNewPage(find("#request-workspace"));
    assertThat(path()).isEqualTo("/workspaces/new");
    find("#name").sendKeys(workspace);
    find("#description").sendKeys(DESCRIPTION);
    new Select(find("#template")).selectByValue(template);
    find("#workers").clear();
    find("#workers").sendKeys("2");
    browser.screenshot("request-form");
    browser.clickAndWaitForNewPage(find("#request-form #submit-request"));

    assertThat(path())
        .as("redirected to the new workspace's page")
        .startsWith("/workspaces/")
        .isNotEqualTo("/workspaces/new");
    assertThat(flash()).isEqualTo("Requested '" + workspace + "'. An admin will review it.");
    assertThat(statusOnDetailPage()).isEqualTo("PENDING_APPROVAL");
    assertThat(text("#description")).as("markup is shown as text").isEqualTo(DESCRIPTION);
    assertThat(browser.driver().findElements(By.cssSelector("#description *")))
        .as("markup is not rendered")
        .isEmpty();
    browser.screenshot("workspace-detail-pending");
    signOut();

    // The admin, who lands on the approvals, approves it, seeing the owner's usage once approved.
    signIn("admin", ADMIN_PASSWORD, "/admin/approvals");
    WebElement request = find(".card[data-name='" + workspace + "']");
    assertThat(request.findElement(By.tagName("h2")).getText()).isEqualTo(user + " / " + workspace);
    assertThat(request.getText())
        .contains("2 workers")
        .contains(DESCRIPTION)
        .contains("After approval " + user + " would use 1 of 5 workspaces and 2 of 16 workers.")
        .contains("Its cluster fits on the hosts now: it starts at once.")
        .doesNotContain("over the quota");
    assertThat(request.findElements(By.cssSelector(".card-body b")))
        .as("markup is not rendered")
        .isEmpty();
    browser.screenshot("approvals");
    browser.clickAndWaitForNewPage(request.findElement(By.cssSelector("button.approve")));

    assertThat(path()).isEqualTo("/admin/approvals");
    assertThat(flash()).isEqualTo("Approved '" + workspace + "' for " + user + ".");
    assertThat(
            browser.driver().findElements(By.cssSelector(".card[data-name='" + workspace + "']")))
        .isEmpty();
    signOut();

    // The owner sees it approved (or already provisioning, or ready).
    signIn(user, USER_PASSWORD);
    WebElement row = find("#workspaces tr[data-name='" + workspace + "']");
    assertThat(row.findElement(By.cssSelector(".status-badge")).getDomAttribute("data-status"))
        .as("status in My workspaces")
        .isIn(APPROVED_OR_LATER);
    browser.clickAndWaitForNewPage(row.findElement(By.linkText(workspace)));
    assertThat(statusOnDetailPage()).as("status on the detail page").isIn(APPROVED_OR_LATER);
    assertThat(historyRows()).contains(List.of("Waiting for approval", "Approved", "admin"));

    // Without a reload, the page follows provisioning until READY: storage, then a Spark cluster.
    browser
        .await()
        .withTimeout(Duration.ofMinutes(5))
        .until(d -> "READY".equals(statusOnDetailPage()));
    if (find("#progress").getDomAttribute("open") == null) {
      browser.click(find("#progress summary")); // folded away once every step is done
    }
    assertThat(find("#steps").getText())
        .contains("Check the new key works")
        .contains("Waiting for the workers to join")
        .doesNotContain("FAILED");
    assertThat(text("#workers-alive")).isEqualTo("2 of 2 workers alive");
    browser.click(find("#reveal-secret"));
    String secret = browser.await().until(d -> d.findElement(By.id("secret-value")).getText());
    assertThat(secret).isNotBlank();
    browser.screenshot("workspace-detail-ready");
    String detailPage = browser.driver().getCurrentUrl();

    // Open Jupyter: the workspace's own origin on the gateway; the portal's sign-in opens it.
    String jupyter = find("#open-jupyter").getAttribute("href");
    String origin = jupyter.substring(0, jupyter.length() - "/tree".length());
    assertThat(jupyter).matches("http://ws-[0-9a-f]{12}\\.localhost:\\d+/tree");
    assertThat(browser.driver().getPageSource()).doesNotContain("token=");
    browser.open(jupyter); // the button opens a new tab
    browser.await().until(d -> d.getTitle().contains("Jupyter") || d.getTitle().contains("Home"));
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(jupyter).doesNotContain("token");
    assertThat(browser.driver().getPageSource()).contains("Running");
    browser.screenshot("jupyter");
    assertThat(browser.driver().manage().getCookieNamed("workspace_session"))
        .as("the origin's cookie, for this origin only, out of scripts' reach")
        .satisfies(c -> assertThat(c.isHttpOnly()).isTrue())
        .satisfies(c -> assertThat(c.getSameSite()).isEqualTo("Lax"))
        .satisfies(c -> assertThat(c.getDomain()).startsWith("ws-"));

    // a cell runs on a kernel over a WebSocket, and a terminal answers over another
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
    String kernel = (String) browser.driver().executeAsyncScript(RUN_A_CELL);
    assertThat(kernel).as(kernel).startsWith("42 on kernel ");
    String kernelId = kernel.substring("42 on kernel ".length());
    String terminal = (String) browser.driver().executeAsyncScript(USE_A_TERMINAL);
    assertThat(terminal).as(terminal).isEqualTo("terminal said 42");

    // the Spark master UI under /spark/ on the same origin, with its workers
    browser.open(origin + "/spark/");
    assertThat(browser.driver().getTitle()).startsWith("Spark Master at spark://");
    assertThat(browser.driver().getPageSource()).contains("Workers (2)");
    browser.screenshot("spark-master-ui");

    // a running application's UI (the notebook is its driver), through the master's proxy on the
    // same origin; its redirect names the origin, never the host's published port
    UUID workspaceId = UUID.fromString(detailPage.substring(detailPage.lastIndexOf('/') + 1));
    UUID clusterId =
        jdbc.queryForObject(
            "select cluster_id from workspace_clusters where workspace_id = ?",
            UUID.class,
            workspaceId);
    DockerCli.Result job =
        DockerCli.run(
            "exec",
            "-d",
            SparkContainers.name(clusterId, "notebook"),
            "bash",
            "-c",
            "spark-submit --class org.workspaceportal.examples.spark.KMeansJob"
                + " /opt/workspace/jobs/workspace-examples.jar --data s3a://$S3_BUCKET/ui-check"
                + " --samples 100000 --features 4 --centres 3 --k 3 --iterations 1000"
                + " --partitions 2 --seed 7 >/tmp/ui-check.log 2>&1");
    assertThat(job.exitCode()).as(job.output()).isZero();
    Pattern activeApp = Pattern.compile("\"activeapps\" : \\[ \\{\\s*\"id\" : \"(app-[^\"]+)\"");
    String appId =
        browser
            .await()
            .withTimeout(Duration.ofMinutes(2))
            .until(
                d -> {
                  d.get(origin + "/spark/json/");
                  Matcher m = activeApp.matcher(d.findElement(By.tagName("body")).getText());
                  return m.find() ? m.group(1) : null;
                });
    // listed as soon as it registers, its UI answers a moment later (Jetty's 404 until then)
    browser
        .await()
        .withTimeout(Duration.ofMinutes(1))
        .until(
            d -> {
              d.get(origin + "/spark/proxy/" + appId + "/");
              return d.getTitle().endsWith("Spark Jobs");
            });
    assertThat(browser.driver().getCurrentUrl())
        .isEqualTo(origin + "/spark/proxy/" + appId + "/jobs/");
    assertThat(browser.driver().getTitle()).endsWith("Spark Jobs");
    browser.screenshot("spark-application-ui");

    // The review's cookie theft: a page of another origin of the same site (another workspace's,
    // to a browser) neither reads the cookie nor acts on her Jupyter with it.
    try (EvilPage evil = EvilPage.start()) {
      browser.open(evil.url());
      @SuppressWarnings("unchecked")
      Map<String, Object> stolen =
          (Map<String, Object>)
              browser.driver().executeAsyncScript(EvilPage.ATTACK, origin, kernelId);
      assertThat(stolen)
          .as("what the other origin's page got: %s", stolen)
          .containsEntry("cookie", "")
          .containsEntry("websocket", "refused")
          .containsEntry("read", "blocked");
    }
    browser.open(jupyter);
    @SuppressWarnings("unchecked")
    List<String> files =
        (List<String>)
            browser
                .driver()
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + " fetch('/api/contents').then(r => r.json())"
                        + ".then(j => done(j.content.map(f => f.name)));");
    assertThat(files)
        .as("the other origin's POST made no file")
        .noneMatch(f -> f.startsWith("untitled"));

    // Signed out of the portal (in another tab), the WebSockets the workspace's cookie opened
    // close, the cookie opens nothing more, and signing in comes back.
    browser.open(jupyter);
    assertThat(browser.driver().executeAsyncScript(KEEP_A_KERNEL_OPEN, kernelId)).isEqualTo("open");
    String jupyterTab = browser.driver().getWindowHandle();
    browser.driver().switchTo().newWindow(WindowType.TAB);
    browser.open(detailPage);
    signOut();
    browser.driver().switchTo().window(jupyterTab);
    browser
        .await()
        .withTimeout(Duration.ofSeconds(30))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("return window.keptSocketClosed;")));
    browser.open(jupyter);
    assertThat(path()).as("sent to the portal's sign-in").isEqualTo("/login");
    find("#username").sendKeys(user);
    find("#password").sendKeys(USER_PASSWORD);
    browser.clickAndWaitForNewPage(find("#sign-in"));
    browser.await().until(d -> d.getTitle().contains("Jupyter") || d.getTitle().contains("Home"));
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(jupyter);

    // Someone else with the link gets the portal's refusal (an admin too: the site has not
    // turned on admin access)
    browser.open(detailPage);
    signOut();
    browser.open(jupyter);
    find("#username").sendKeys(PortalIntegrationTest.ADMIN_USERNAME);
    find("#password").sendKeys(ADMIN_PASSWORD);
    browser.clickAndWaitForNewPage(find("#sign-in"));
    assertThat(path()).startsWith("/workspaces/open/");
    assertThat(browser.navigationStatus()).isEqualTo(403);
    assertThat(text("#closed-title")).isEqualTo("This notebook is " + user + "'s");
    browser.screenshot("jupyter-refused");
    signOut();
    signIn(user, USER_PASSWORD);

    // Deleting it leaves nothing running.
    browser.open(detailPage);
    browser.clickAndWaitForNewPage(find("#delete"));
    browser.clickAndWaitForNewPage(find("#confirm-delete"));
    browser
        .await()
        .withTimeout(Duration.ofMinutes(2))
        .until(d -> "DELETED".equals(statusOnDetailPage()));

    browser.open(baseUrl + "/workspaces");
    browser.resizeViewport(390, 844);
    browser.screenshot("my-workspaces-phone");
  }

  /** Signs in on the login page and checks it landed on "My workspaces". */
  private void signIn(String username, String password) {
    signIn(username, password, "/workspaces");
  }

  private void signIn(String username, String password, String landing) {
    browser.open(baseUrl + "/login");
    find("#username").sendKeys(username);
    find("#password").sendKeys(password);
    browser.clickAndWaitForNewPage(find("#sign-in"));
    assertThat(path())
        .as("signed in as %s (a wrong password stays on /login)", username)
        .isEqualTo(landing);
  }

  private void signOut() {
    browser.clickAndWaitForNewPage(By.id("logout"));
    assertThat(path()).isEqualTo("/login");
    assertThat(text("main .alert")).isEqualTo("You have signed out.");
  }

  /** The status next to the heading, by its name (the badge says it in words). */
  private String statusOnDetailPage() {
    return browser
        .await()
        .until(
            d ->
                d.findElement(By.cssSelector("#status .status-badge"))
                    .getDomAttribute("data-status"));
  }

  /**
   * The history table as [from, to, by] per row, read in one script run: the live updates replace
   * the table often while a workspace is provisioning, so reading it cell by cell can keep finding
   * cells that were just swapped out.
   */
  @SuppressWarnings("unchecked")
  private List<List<String>> historyRows() {
    return browser
        .await()
        .until(
            d -> {
              List<List<String>> rows =
                  (List<List<String>>)
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "return [...document.querySelectorAll('#history tbody tr')]"
                                  + ".map(tr => [...tr.cells].slice(1, 4)"
                                  + ".map(td => td.innerText.trim()))");
              return rows == null || rows.isEmpty() ? null : rows;
            });
  }

  private String flash() {
    return text("main > .alert-success[role='status']");
  }

  /** The text of an element, read again if the page swapped the element meanwhile. */
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
