package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.workspaceportal.HttpApi;
import org.workspaceportal.PortalIntegrationTest;

/**
 * URLs that never reach a controller, refused by Tomcat or by the security firewall: under {@code
 * /api/} they are problem details like every other API error, never a container's HTML page.
 */
@PortalIntegrationTest
class MalformedUrlTest {

  @LocalServerPort int port;

  /** Sends the request line as it is: HTTP clients refuse to send most of these. */
  private String rawGet(String path, String accept) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.0\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nAccept: "
                  + accept
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/workspaces/%00",
        "/api/v1/workspaces/a%2Fb",
        "/api/v1/workspaces/%zz",
        "/api/v1/workspaces/a\\b",
        "/api/v1/work;x=1/spaces",
        "/api/v1/workspaces//x",
        "/api/v1/workspaces/%25",
        "/api/v1/workspaces/%2e%2e/x",
        "/api/v1/workspaces/LONG"
      })
  void aMalformedApiUrlIsAProblemDetailNotAnHtmlPage(String path) throws IOException {
    String url = path.replace("LONG", "a".repeat(10_000));

    String response = rawGet(url, "application/json");

    String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertThat(head).as(response).startsWith("http/1.1 4");
    assertThat(head).contains("content-type: application/problem+json");
    assertThat(body).doesNotContain("<html", "<!doctype", "Tomcat");
    int status = Integer.parseInt(head.substring(9, 12));
    var problem = HttpApi.JSON.readTree(body);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asString())
        .startsWith("https://workspace-portal.dev/problems/");
    assertThat(problem.path("detail").asString()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/workspaces/a%2Fb", "/work;x=1/spaces"})
  void aMalformedPageUrlGivesAPageWithoutServerDetails(String path) throws IOException {
    String response = rawGet(path, "text/html");

    assertThat(response.toLowerCase()).startsWith("http/1.1 400").contains("text/html");
    assertThat(response).doesNotContain("Apache Tomcat/", "at org.");
  }
}
