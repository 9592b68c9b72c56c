package org.workspaceportal.flashbladesim;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Reads a refused request's body before the error goes out. S3Proxy refuses an upload (unknown key,
 * another account's bucket, ...) without reading its body; Jetty then closes the connection while
 * the client is still sending, and clients such as the AWS SDK's URL-connection client report
 * "Error writing request body" instead of the S3 error. Uses S3Proxy 2.6.0's shaded Jetty 11, the
 * only way in: S3Proxy offers no hook around its handler.
 */
final class BodyDrainingHandler extends HandlerWrapper {

  /** A refused body is read up to this size; beyond it the connection is closed as before. */
  private static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

  /** Puts the handler in front of S3Proxy's own; call before the proxy starts. */
  static void install(S3Proxy proxy) {
    S3ProxyJetty.wrap(proxy, new BodyDrainingHandler());
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    super.handle(target, baseRequest, request, new DrainingResponse(request, response));
  }

  /** Reads the request body the moment an error status is set, before anything is sent. */
  private static final class DrainingResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private boolean drained;

    DrainingResponse(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    @Override
    public void setStatus(int status) {
      drainOnError(status);
      super.setStatus(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      drainOnError(status);
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      drainOnError(status);
      super.sendError(status);
    }

    private void drainOnError(int status) {
      if (status >= 400 && !drained && !isCommitted()) {
        drained = true;
        try {
          drain(request.getInputStream());
        } catch (IOException | RuntimeException e) {
          // no body to read: nothing to drain
        }
      }
    }
  }

  private static void drain(InputStream body) throws IOException {
    byte[] buffer = new byte[8192];
    long remaining = MAX_DRAINED_BYTES;
    int read;
    while (remaining > 0
        && (read = body.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
      remaining -= read;
    }
  }
}
