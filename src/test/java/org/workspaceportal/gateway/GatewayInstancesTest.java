package org.workspaceportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.PortalProcess;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.access.WorkspaceDoors;
import org.workspaceportal.workspace.template.TemplateService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway runs in every portal instance and keeps nothing of a browser's in memory (sessions
 * are in PostgreSQL), while the kernels run in the workspace's notebook container. So a second
 * instance serves the same browser with the same cookie, and an instance that dies cuts only the
 * WebSockets it carried: the kernel, and everything its cells made, lives on, and the browser
 * reconnects (Jupyter's pages do so by themselves) through whichever instance answers.
 */
@PortalIntegrationTest
@RequiresDocker
class GatewayInstancesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String OTHER = "gateway-b";

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired GatewayAccess access;
  @Autowired WorkspaceOrigins origins;
  @Autowired Environment environment;
  @Autowired WorkspaceDoors doors;

  private final OkHttpClient http =
      new OkHttpClient.Builder().followRedirects(false).readTimeout(Duration.ofMinutes(1)).build();

  @Test
  void aKernelOutlivesThePortalInstanceItWasOpenedThrough() throws Exception {
    LiveWorkspaces live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    try {
      WorkspaceView ws = live.ready("instances", 1);
      String shortId = WorkspaceDoors.shortId(ws.id());
      Gateway here = new Gateway(origins.boundPort(), shortId);
      String cookie = here.enterAs(ws, live.owner().username());
      String xsrf = here.xsrf(cookie);
      String kernel = here.startKernel(cookie, xsrf);
      try (Kernel socket = here.kernel(cookie, xsrf, kernel)) {
        assertThat(socket.evaluate("x = 6 * 7", "x")).isEqualTo("42");
      }

      int otherGateway = PortalProcess.freePort();
      Map<String, String> settings = PortalProcess.sameInstallationAs(environment, OTHER);
      settings.put("portal.gateway.port", Integer.toString(otherGateway));
      try (PortalProcess other = PortalProcess.start(OTHER, settings, Duration.ofMinutes(3))) {
        Gateway there = new Gateway(otherGateway, shortId);
        Kernel socket = there.kernel(cookie, xsrf, kernel);
        assertThat(socket.evaluate("y = x + 1", "y"))
            .as("the other instance takes the same cookie to the same kernel, its state intact")
            .isEqualTo("43");
        other.killHard();
        assertThat(socket.awaitClosed(Duration.ofSeconds(30)))
            .as("the instance that died cut the WebSocket it carried")
            .isTrue();
      }

      try (Kernel socket = here.kernel(cookie, xsrf, kernel)) {
        assertThat(socket.evaluate("", "x + y"))
            .as("the kernel lived on, with what both cells made")
            .isEqualTo("85");
      }
    } finally {
      live.cleanUp();
    }
  }

  /**
   * Files up and down as Jupyter's pages move them (an upload is a PUT of the file's bytes in
   * base64, a download a GET of {@code /files/}), a few megabytes each way, and a cell whose output
   * is megabytes: one WebSocket message far above the frame sizes proxies take by default.
   */
  @Test
  void uploadsDownloadsAndLargeOutputsGoThroughTheGatewayWhole() throws Exception {
    LiveWorkspaces live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    try {
      WorkspaceView ws = live.ready("files", 1);
      Gateway gateway = new Gateway(origins.boundPort(), WorkspaceDoors.shortId(ws.id()));
      String cookie = gateway.enterAs(ws, live.owner().username());
      String xsrf = gateway.xsrf(cookie);
      assertThat(gateway.page(cookie, "/tree"))
          .as("Jupyter's pages carry no token of Jupyter's")
          .doesNotContain(doors.byId(ws.id()).orElseThrow().jupyterKey());

      byte[] data = new byte[3 * 1024 * 1024];
      new java.util.Random(42).nextBytes(data);
      gateway.upload(cookie, xsrf, "upload.bin", data);
      assertThat(gateway.download(cookie, "upload.bin", "http://ws-000000000000.localhost/tree"))
          .as("a page of another origin cannot make the download")
          .isNull();
      assertThat(gateway.download(cookie, "upload.bin"))
          .as("the bytes that went up come down the same")
          .isEqualTo(data);

      String kernel = gateway.startKernel(cookie, xsrf);
      try (Kernel socket = gateway.kernel(cookie, xsrf, kernel)) {
        assertThat(
                socket.evaluate(
                    "import hashlib", "hashlib.sha256(open('upload.bin','rb').read()).hexdigest()"))
            .as("the kernel reads the uploaded file as it was sent")
            .isEqualTo(
                "'"
                    + java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data))
                    + "'");
        // 2 MB: one WebSocket message thirty times the 64 KiB frame proxies take by default, and
        // within Jupyter's own output rate limit (1 MB/s over 3 s), which applies direct too
        assertThat(socket.printed("print('x' * 2_000_000)"))
            .as("a 2 MB output arrives whole")
            .hasSize(2_000_001);
        assertThat(socket.printed("print(len('" + "a".repeat(300_000) + "'))"))
            .as("a 300 KB cell goes up whole")
            .isEqualTo("300000\n");
      }
    } finally {
      live.cleanUp();
    }
  }

  /** The workspace's origin on one instance's gateway, as a browser reaches it. */
  private final class Gateway {
    private final int port;
    private final String host;

    Gateway(int port, String shortId) {
      this.port = port;
      this.host = "ws-" + shortId + ".localhost:" + port;
    }

    private Request.Builder request(String path, String cookies) {
      Request.Builder request =
          new Request.Builder().url("http://127.0.0.1:" + port + path).header("Host", host);
      return cookies == null ? request : request.header("Cookie", cookies);
    }

    /** The workspace cookie a ticket turns into, in the browser that holds {@code state}. */
    /** Enters as the owner's browser would: a ticket the portal issued for her session. */
    String enterAs(WorkspaceView ws, String owner) throws IOException {
      String state = "state-" + UUID.randomUUID();
      return enter(
          access.issueTicket(
              ws.id(),
              owner,
              "portal-session-" + UUID.randomUUID(),
              WorkspaceForwarding.stateHash(state)),
          state);
    }

    String enter(String ticket, String state) throws IOException {
      try (Response entered =
          http.newCall(
                  request("/_portal/enter?ticket=" + ticket, "workspace_state=" + state).build())
              .execute()) {
        assertThat(entered.code()).isEqualTo(302);
        return cookieValue(entered, "workspace_session");
      }
    }

    /** Jupyter's XSRF cookie, as the tree page sets it. */
    String xsrf(String session) throws IOException {
      try (Response tree =
          http.newCall(request("/tree", "workspace_session=" + session).build()).execute()) {
        assertThat(tree.code()).as(tree.toString()).isEqualTo(200);
        return cookieValue(tree, "_xsrf");
      }
    }

    String startKernel(String session, String xsrf) throws IOException {
      Request start =
          request("/api/kernels", cookies(session, xsrf))
              .header("Origin", "http://" + host)
              .header("X-XSRFToken", xsrf)
              .post(RequestBody.create("{}", MediaType.get("application/json")))
              .build();
      try (Response started = http.newCall(start).execute()) {
        String body = started.body().string();
        assertThat(started.code()).as(body).isEqualTo(201);
        return JSON.readTree(body).path("id").asString();
      }
    }

    String page(String session, String path) throws IOException {
      try (Response page =
          http.newCall(request(path, "workspace_session=" + session).build()).execute()) {
        assertThat(page.code()).isEqualTo(200);
        return page.body().string();
      }
    }

    /** As Jupyter's upload does it: the file's bytes in base64, in one PUT. */
    void upload(String session, String xsrf, String name, byte[] bytes) throws IOException {
      ObjectNode body = JSON.createObjectNode();
      body.put("type", "file")
          .put("format", "base64")
          .put("name", name)
          .put("path", name)
          .put("content", java.util.Base64.getEncoder().encodeToString(bytes));
      Request put =
          request("/api/contents/" + name, cookies(session, xsrf))
              .header("Origin", "http://" + host)
              .header("X-XSRFToken", xsrf)
              .put(RequestBody.create(body.toString(), MediaType.get("application/json")))
              .build();
      try (Response uploaded = http.newCall(put).execute()) {
        assertThat(uploaded.code()).as(uploaded.body().string()).isIn(200, 201);
      }
    }

    byte[] download(String session, String name) throws IOException {
      // as a browser clicking Download on the tree page sends it
      byte[] bytes = download(session, name, "http://" + host + "/tree");
      assertThat(bytes).as("downloaded").isNotNull();
      return bytes;
    }

    /** The file's bytes as a page at {@code referer} fetches them, or null when refused (403). */
    byte[] download(String session, String name, String referer) throws IOException {
      try (Response file =
          http.newCall(
                  request("/files/" + name + "?download=1", "workspace_session=" + session)
                      .header("Referer", referer)
                      .build())
              .execute()) {
        if (file.code() == 403) {
          return null;
        }
        assertThat(file.code()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).contains("attachment");
        return file.body().bytes();
      }
    }

    Kernel kernel(String session, String xsrf, String kernelId) {
      Kernel kernel = new Kernel();
      Request open =
          request(
                  "/api/kernels/" + kernelId + "/channels?session_id=" + UUID.randomUUID(),
                  cookies(session, xsrf))
              .header("Origin", "http://" + host)
              .build();
      kernel.socket = http.newWebSocket(open, kernel);
      return kernel;
    }

    private static String cookies(String session, String xsrf) {
      return "workspace_session=" + session + "; _xsrf=" + xsrf;
    }

    private static String cookieValue(Response response, String name) {
      String set =
          response.headers("Set-Cookie").stream()
              .filter(c -> c.startsWith(name + "="))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response));
      int end = set.indexOf(';');
      return set.substring(name.length() + 1, end < 0 ? set.length() : end);
    }
  }

  /** A kernel's WebSocket: sends a cell, waits for its reply. */
  private static final class Kernel extends WebSocketListener implements AutoCloseable {
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final String session = UUID.randomUUID().toString();
    private WebSocket socket;
    private volatile Throwable failure;

    /**
     * Runs {@code code} and returns {@code expression}'s value afterwards, as text. The request is
     * sent again every 5 s until a reply comes: a kernel's first WebSocket may miss the first one.
     */
    String evaluate(String code, String expression) throws InterruptedException {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      while (Instant.now().isBefore(deadline)) {
        String id = UUID.randomUUID().toString();
        socket.send(executeRequest(id, code, expression).toString());
        Instant resend = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(resend)) {
          JsonNode message = messages.poll(500, TimeUnit.MILLISECONDS);
          if (message != null
              && "execute_reply".equals(message.path("msg_type").asString())
              && id.equals(message.path("parent_header").path("msg_id").asString())) {
            JsonNode value = message.path("content").path("user_expressions").path("v");
            assertThat(value.path("status").asString()).as(message.toString()).isEqualTo("ok");
            return value.path("data").path("text/plain").asString();
          }
        }
      }
      throw new AssertionError("no reply from the kernel in 90 s");
    }

    /** What {@code code} prints (its stdout stream messages, joined), once it has run. */
    String printed(String code) throws InterruptedException {
      String id = UUID.randomUUID().toString();
      socket.send(executeRequest(id, code, "None").toString());
      StringBuilder out = new StringBuilder();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      while (Instant.now().isBefore(deadline)) {
        JsonNode message = messages.poll(500, TimeUnit.MILLISECONDS);
        if (message == null
            || !id.equals(message.path("parent_header").path("msg_id").asString())) {
          continue;
        }
        String type = message.path("msg_type").asString();
        if ("stream".equals(type)) {
          out.append(message.path("content").path("text").asString());
        } else if ("status".equals(type)
            && "idle".equals(message.path("content").path("execution_state").asString())) {
          return out.toString();
        }
      }
      throw new AssertionError(
          "the cell did not finish in 90 s; printed " + out.length() + ", socket: " + failure,
          failure);
    }

    private ObjectNode executeRequest(String id, String code, String expression) {
      ObjectNode message = JSON.createObjectNode();
      message
          .putObject("header")
          .put("msg_id", id)
          .put("username", "test")
          .put("session", session)
          .put("msg_type", "execute_request")
          .put("version", "5.3")
          .put("date", Instant.now().toString());
      message.putObject("parent_header");
      message.putObject("metadata");
      ObjectNode content = message.putObject("content");
      content
          .put("code", code)
          .put("silent", false)
          .put("store_history", false)
          .put("allow_stdin", false)
          .put("stop_on_error", true);
      content.putObject("user_expressions").put("v", expression);
      message.put("channel", "shell");
      message.putArray("buffers");
      return message;
    }

    boolean awaitClosed(Duration timeout) throws InterruptedException {
      return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      messages.add(JSON.readTree(text));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      closed.countDown();
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      closed.countDown();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      failure = t;
      closed.countDown();
    }

    @Override
    public void close() {
      socket.close(1000, null);
    }
  }
}
