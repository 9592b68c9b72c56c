package org.workspaceportal.flashbladesim;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Answers a write the {@link QuotaEnforcingBlobStore} refused: 403 with S3 error code {@code
 * QuotaExceeded} and a message naming the bucket (or account) and its limit. S3Proxy's error codes
 * are a closed set without one for quotas, so S3Proxy lets the exception through and it is answered
 * here, in S3's error document, like the {@link S3RequestGuard}'s refusals.
 *
 * <p>The status and code are the simulator's choice: what a real FlashBlade answers to a write over
 * a bucket's hard quota was not checked here. The portal must treat any 4xx on a write as refused.
 */
final class QuotaRefusalHandler extends HandlerWrapper {

  /** Puts the handler directly in front of S3Proxy's own; call before the proxy starts. */
  static void install(S3Proxy proxy) {
    S3ProxyJetty.wrap(proxy, new QuotaRefusalHandler());
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    try {
      super.handle(target, baseRequest, request, response);
    } catch (QuotaExceededException e) {
      if (response.isCommitted()) {
        throw e;
      }
      // the BodyDrainingHandler outside reads the unread body when the status is set
      S3RequestGuard.refuse(
          request, response, new S3Refusals.Refusal(403, "QuotaExceeded", e.getMessage()));
      baseRequest.setHandled(true);
    }
  }
}
