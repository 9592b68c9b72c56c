package org.workspaceportal.flashbladesim;

import java.lang.reflect.Field;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The way into S3Proxy 2.6.0's shaded Jetty 11 server, which S3Proxy offers no hook around: a
 * handler put in front of the one there. Each call wraps what the call before installed, so the
 * last one installed sees a request first.
 */
final class S3ProxyJetty {

  private S3ProxyJetty() {}

  /** Call before the proxy starts. */
  static void wrap(S3Proxy proxy, HandlerWrapper wrapper) {
    try {
      Field field = S3Proxy.class.getDeclaredField("server");
      field.setAccessible(true);
      Server server = (Server) field.get(proxy);
      wrapper.setHandler(server.getHandler());
      server.setHandler(wrapper);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("S3Proxy's Jetty server is not where 2.6.0 keeps it", e);
    }
  }
}
