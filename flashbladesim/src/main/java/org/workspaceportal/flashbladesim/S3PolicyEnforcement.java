package org.workspaceportal.flashbladesim;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Decides which {@link S3Operation} each request makes and hands it to the blob-store view of the
 * key that signed it, which refuses the call with 403 AccessDenied unless the key's user holds the
 * policies it needs. S3Proxy asks its {@code BlobStoreLocator} for that view with no more than the
 * key id, bucket and object name, so the operation travels with the request's thread: S3Proxy
 * handles a request on one thread from start to end.
 *
 * <p>The view checks when S3Proxy first uses it, which is after the signature is verified, as S3
 * authenticates before it authorizes. GetBucketLocation never uses it; that one is checked when
 * S3Proxy starts to write its answer, and only if S3Proxy has not answered with an error by then.
 */
final class S3PolicyEnforcement extends HandlerWrapper {

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  /** What this thread's request makes, and the view the locator gave it. */
  private static final class Scope {
    final S3Operation operation;
    AccountScopedBlobStore view;

    Scope(S3Operation operation) {
      this.operation = operation;
    }
  }

  /** Puts the enforcement directly in front of S3Proxy's own handler; call before it starts. */
  static void install(S3Proxy proxy) {
    S3ProxyJetty.wrap(proxy, new S3PolicyEnforcement());
  }

  /** The operation of the request this thread is handling ({@link S3Operation#UNKNOWN} if none). */
  static S3Operation currentOperation() {
    Scope scope = CURRENT.get();
    return scope == null ? S3Operation.UNKNOWN : scope.operation;
  }

  /** Called by the locator with the view it gives S3Proxy for this thread's request. */
  static void located(AccountScopedBlobStore view) {
    Scope scope = CURRENT.get();
    if (scope != null) {
      scope.view = view;
    }
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String[] path = S3Refusals.bucketAndKey(request.getRequestURI());
    var scope =
        new Scope(
            S3Operation.of(
                request.getMethod(),
                path[0],
                path[1],
                S3Refusals.query(request.getQueryString()),
                request.getHeader("x-amz-copy-source")));
    CURRENT.set(scope);
    try {
      HttpServletResponse passed =
          scope.operation.answeredWithoutBlobStore()
              ? new CheckedBeforeAnswer(response, scope, path[0])
              : response;
      super.handle(target, baseRequest, request, passed);
    } finally {
      CURRENT.remove();
    }
  }

  /**
   * Runs the view's check when S3Proxy opens the body of a successful answer. An error answer sets
   * its status first and goes out unchecked; so does one without credentials (no view), which
   * S3Proxy refuses itself.
   */
  private static final class CheckedBeforeAnswer extends HttpServletResponseWrapper {

    private final Scope scope;
    private final String bucket;
    private boolean settled;

    CheckedBeforeAnswer(HttpServletResponse response, Scope scope, String bucket) {
      super(response);
      this.scope = scope;
      this.bucket = bucket;
    }

    private void checkOnce() {
      if (settled) {
        return;
      }
      settled = true;
      if (scope.view != null && getStatus() < 300) {
        // throws what S3Proxy turns into 403 AccessDenied or 404 NoSuchBucket
        scope.view.checkAccess(bucket);
      }
    }

    @Override
    public void setStatus(int status) {
      settled |= status >= 300;
      super.setStatus(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      settled = true;
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      settled = true;
      super.sendError(status);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      checkOnce();
      return super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      checkOnce();
      return super.getOutputStream();
    }
  }
}
