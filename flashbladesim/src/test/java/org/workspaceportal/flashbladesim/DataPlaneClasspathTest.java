package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Pins down the dependency arrangement the S3 data plane relies on: S3Proxy 2.6.0 runs on its own
 * shaded Jetty 11, no unshaded Jetty (which Boot would manage to 12.1) is on the classpath, and one
 * jar carries the whole Servlet API it implements, in a version of 6 or later: here and in the
 * simulator's runnable jar the servlet API jar (a {@code provided} dependency), inside the portal
 * Tomcat's. The S3 tests prove it works.
 */
class DataPlaneClasspathTest {

  @Test
  void s3ProxyUsesItsShadedJettyAndNoUnshadedJettyIsPresent() throws Exception {
    assertThat(Class.forName("org.gaul.shaded.org.eclipse.jetty.server.Server")).isNotNull();
    assertThatThrownBy(() -> Class.forName("org.eclipse.jetty.server.Server"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.eclipse.jetty.servlet.ServletHolder"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void oneJarCarriesTheWholeServletApiInVersion6OrLater() throws Exception {
    // ServletConnection exists from Servlet 6.0 on; a Servlet 5 jar first on the path would lack it
    Class<?> connection = Class.forName("jakarta.servlet.ServletConnection");
    Class<?> request = Class.forName("jakarta.servlet.http.HttpServletRequest");

    assertThat(request.getProtectionDomain().getCodeSource().getLocation().toString())
        .contains("jakarta.servlet-api");
    assertThat(connection.getProtectionDomain().getCodeSource().getLocation())
        .isEqualTo(request.getProtectionDomain().getCodeSource().getLocation());
  }
}
