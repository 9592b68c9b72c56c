package org.workspaceportal.host.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.host.HostRegistration;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.host.InvalidHostException;
import org.workspaceportal.host.WorkspaceImages;
import org.workspaceportal.host.WorkspaceImages.ImageOnHost;
import org.workspaceportal.identity.RealSecurityTestConfiguration;

/** The admin's hosts page: status, capacity, the clear reason a host is down, and the form. */
@PageSliceTest
class AdminHostPagesTest {

  @Autowired MockMvc mvc;
  @Autowired HostService hosts;
  @Autowired WorkspaceImages images;

  private static RequestPostProcessor admin() {
    return user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN", "USER");
  }

  @Test
  void theListShowsEachHostsStatusCapacityAndWhyItIsDown() throws Exception {
    when(hosts.list())
        .thenReturn(
            List.of(
                host("local", HostStatus.UP, null, false),
                host(
                    "gpu-01", HostStatus.DOWN, "certificate not trusted: the certificate…", true)));

    String html =
        mvc.perform(get("/admin/hosts").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    String text = Html.text(html);
    assertThat(text)
        .contains("local")
        .contains("Up")
        .contains("gpu-01")
        .contains("Down")
        .contains("certificate not trusted")
        .contains("drained")
        .contains("1 / 2")
        .contains("Undrain");
    assertThat(text)
        .as("the up host's spare pod is named, the drained one has none")
        .containsOnlyOnce("1 spare pod ready");
    assertThat(text).doesNotContain("No host is available");
    Html.assertEveryPostFormCarriesACsrfToken(html);
  }

  @Test
  void theImageColumnSaysWhetherTheWorkspaceImageIsOnEachHostAndHowToGetItThere() throws Exception {
    HostView local = host("local", HostStatus.UP, null, false);
    HostView far = host("far", HostStatus.UP, null, false);
    HostView busy = host("busy", HostStatus.UP, null, false);
    List<HostView> all = List.of(local, far, busy);
    when(hosts.list()).thenReturn(all);
    when(images.on(all))
        .thenReturn(
            Map.of(
                local.id(),
                new ImageOnHost(
                    "workspace-portal/spark:4.0",
                    ImageOnHost.State.PRESENT,
                    "workspace-portal/spark:4.0-f9f9df6347",
                    false),
                far.id(),
                new ImageOnHost(
                    "workspace-portal/spark:4.0",
                    ImageOnHost.State.MISSING,
                    "build it on that host with sudo deploy/workspace-image/build-offline.sh"
                        + " --if-missing (from a checkout of the portal)",
                    false),
                busy.id(),
                new ImageOnHost(
                    "workspace-portal/spark:4.0",
                    ImageOnHost.State.BUILDING,
                    "[build-offline 04:00:00] phase jars",
                    false)));

    String html =
        mvc.perform(get("/admin/hosts").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).contains("<th>Workspace image</th>");
    assertThat(Html.text(html))
        .contains("present workspace-portal/spark:4.0-f9f9df6347 no PySpark")
        .contains(
            "missing workspace-portal/spark:4.0 : build it on that host with sudo"
                + " deploy/workspace-image/build-offline.sh --if-missing")
        .contains("building [build-offline 04:00:00] phase jars");
  }

  @Test
  void withoutHostsThePageSaysThatWorkspacesCannotStart() throws Exception {
    when(hosts.list()).thenReturn(List.of());

    String html =
        mvc.perform(get("/admin/hosts").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html)).contains("No host is available");
  }

  @Test
  void aRefusedRegistrationComesBackWithTheMessageOnItsField() throws Exception {
    when(hosts.register(any(HostRegistration.class), eq(RealSecurityTestConfiguration.ADMIN)))
        .thenThrow(
            new InvalidHostException(
                "tlsCert", "TLS needs the CA, the client certificate and its key"));

    String html =
        mvc.perform(
                post("/admin/hosts")
                    .with(admin())
                    .with(csrf())
                    .param("name", "edge-1")
                    .param("endpoint", "tcp://10.0.0.7:2376")
                    .param("tlsCa", "-----BEGIN CERTIFICATE-----"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).contains("is-invalid").contains("TLS needs the CA");
    assertThat(Html.text(html)).contains("Register a Docker host");
  }

  @Test
  void drainingRedirectsWithWhatItMeans() throws Exception {
    UUID id = UUID.randomUUID();
    when(hosts.setDrained(id, true, RealSecurityTestConfiguration.ADMIN))
        .thenReturn(host("edge-2", HostStatus.UP, null, true));

    var result =
        mvc.perform(
                post("/admin/hosts/" + id + "/drained")
                    .with(admin())
                    .with(csrf())
                    .param("drained", "true"))
            .andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/hosts");
    assertThat(result.getFlashMap().get("flash").toString()).contains("gets no new workspaces");
    verify(hosts).setDrained(id, true, RealSecurityTestConfiguration.ADMIN);
  }

  @Test
  void usersCannotSeeTheHostsPage() throws Exception {
    int status =
        mvc.perform(get("/admin/hosts").with(user("alice").roles("USER")))
            .andReturn()
            .getResponse()
            .getStatus();

    assertThat(status).isEqualTo(403);
  }

  @Test
  void aHostThatForwardsPacketsIsNamedInAWarningAndOnItsRow() throws Exception {
    when(hosts.list())
        .thenReturn(
            List.of(
                host("local", HostStatus.UP, null, false, false),
                host("gpu-01", HostStatus.UP, null, false, true)));

    String html =
        mvc.perform(get("/admin/hosts").with(admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html))
        .contains("Forwarding is on on gpu-01")
        .contains("turn forwarding off")
        .doesNotContain("Forwarding is on on local");
    assertThat(html).containsPattern("id=\"host-gpu-01\"[\\s\\S]*forwards IPv4 packets");

    when(hosts.list()).thenReturn(List.of(host("local", HostStatus.UP, null, false, false)));
    assertThat(
            mvc.perform(get("/admin/hosts").with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("forwarding-hosts")
        .doesNotContain("forwards IPv4 packets");
  }

  private static HostView host(String name, HostStatus status, String error, boolean drained) {
    return host(name, status, error, drained, false);
  }

  private static HostView host(
      String name, HostStatus status, String error, boolean drained, boolean forwards) {
    return new HostView(
        UUID.randomUUID(),
        name,
        "unix:///var/run/docker.sock",
        "127.0.0.1",
        List.of("rack=a"),
        false,
        null,
        null,
        2,
        4096,
        1,
        1024,
        1,
        0,
        status == HostStatus.UP && !drained ? 1 : 0,
        20000,
        29999,
        drained,
        status,
        Instant.now(),
        status == HostStatus.UP ? Instant.now() : null,
        error,
        "20.10.24",
        "1.41",
        2,
        4L << 30,
        Instant.now(),
        forwards);
  }
}
