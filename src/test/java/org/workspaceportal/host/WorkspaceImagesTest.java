package org.workspaceportal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.host.WorkspaceImages.ImageOnHost;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;

/**
 * The Hosts page's image column against a real engine: what the engine says of the workspace image
 * the default template names, asked when the page is drawn.
 */
@PortalIntegrationTest
@RequiresDocker
class WorkspaceImagesTest {

  @Autowired HostService hosts;
  @Autowired WorkspaceImages images;

  @Test
  void theLocalEngineSaysWhetherItHasTheWorkspaceImageAndWhichBuildItIs() {
    List<HostView> all = hosts.list();
    HostView local =
        all.stream().filter(h -> h.endpoint().startsWith("unix://")).findFirst().orElseThrow();

    Map<UUID, ImageOnHost> found = images.on(all);

    DockerCli.Result inspect =
        DockerCli.run(
            "image",
            "inspect",
            "-f",
            "{{index .Config.Labels \"org.workspaceportal.image.tag\"}}",
            DockerCli.WORKSPACE_IMAGE);
    ImageOnHost image = found.get(local.id());
    assertThat(image.image()).isEqualTo(DockerCli.WORKSPACE_IMAGE);
    if (inspect.exitCode() == 0) {
      assertThat(image.state()).isEqualTo(ImageOnHost.State.PRESENT);
      assertThat(image.detail()).isEqualTo(inspect.output().strip());
    } else {
      assertThat(image.state()).isIn(ImageOnHost.State.MISSING, ImageOnHost.State.BUILDING);
      assertThat(image.detail()).isNotBlank();
    }
    assertThat(found.keySet())
        .as("only hosts that take workspaces are asked")
        .allMatch(id -> all.stream().anyMatch(h -> h.id().equals(id) && h.acceptsWorkspaces()));
  }
}
