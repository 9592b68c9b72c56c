package org.workspaceportal.flashbladesim;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Refuses, before S3Proxy sees them, the malformed requests that S3 refuses, with S3's status and
 * error code: S3Proxy answers many of them with a 500 (a SigV4 request without {@code
 * x-amz-content-sha256}, a garbled {@code Range}, a body that is not XML) or with the wrong code,
 * or even serves them (an invalid bucket name, a key over 1024 bytes). A {@code Range} S3 would
 * ignore is dropped, as S3 does. Everything else goes through untouched.
 */
final class S3RequestGuard extends HandlerWrapper {

  private static final long MAX_XML_BODY = 1024 * 1024;

  /** Subresources whose request body is an XML document. */
  private static final Set<String> XML_BODIES =
      Set.of(
          "delete",
          "acl",
          "tagging",
          "cors",
          "lifecycle",
          "versioning",
          "website",
          "logging",
          "notification",
          "replication",
          "encryption",
          "requestPayment",
          "uploadId");

  /** Puts the guard in front of S3Proxy's own handler; call before the proxy starts. */
  static void install(S3Proxy proxy) {
    S3ProxyJetty.wrap(proxy, new S3RequestGuard());
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Map<String, String> query = S3Refusals.query(request.getQueryString());
    S3Refusals.Refusal refusal = S3Refusals.check(request, query);
    HttpServletRequest passed = request;
    if (refusal == null && carriesXml(request, query)) {
      byte[] body = request.getInputStream().readNBytes((int) MAX_XML_BODY + 1);
      if (body.length > MAX_XML_BODY) {
        refusal =
            new S3Refusals.Refusal(400, "MaxMessageLengthExceeded", "Your request was too big.");
      } else if (!wellFormed(body, query.containsKey("delete"))) {
        refusal =
            new S3Refusals.Refusal(
                400,
                "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our"
                    + " published schema");
      } else {
        passed = new S3GuardedRequests.Replayed(request, body);
      }
    }
    if (refusal != null) {
      refuse(request, response, refusal);
      baseRequest.setHandled(true);
      return;
    }
    super.handle(target, baseRequest, new S3GuardedRequests.Sanitized(passed), response);
  }

  private static boolean carriesXml(HttpServletRequest request, Map<String, String> query) {
    String method = request.getMethod();
    if (!"PUT".equals(method) && !"POST".equals(method)) {
      return false;
    }
    String[] path = S3Refusals.bucketAndKey(request.getRequestURI());
    if ("PUT".equals(method) && path[1] == null && query.isEmpty()) {
      return true; // CreateBucket: an optional CreateBucketConfiguration
    }
    if ("PUT".equals(method) && query.containsKey("uploadId")) {
      return false; // UploadPart: the body is data
    }
    return query.keySet().stream().anyMatch(XML_BODIES::contains);
  }

  /** Empty is well-formed (no configuration) except where S3 requires a document. */
  private static boolean wellFormed(byte[] body, boolean required) {
    if (body.length == 0) {
      return !required;
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        while (reader.hasNext()) {
          reader.next();
        }
        return true;
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      return false;
    }
  }

  /** Answers with S3's error document; the {@link QuotaRefusalHandler} answers this way too. */
  static void refuse(HttpServletRequest request, HttpServletResponse response, S3Refusals.Refusal r)
      throws IOException {
    response.setStatus(r.status());
    response.setHeader("x-amz-request-id", "4442587FB7D0A2F9");
    if ("HEAD".equals(request.getMethod())) {
      return;
    }
    response.setContentType("application/xml");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                + r.code()
                + "</Code><Message>"
                + escape(r.message())
                + "</Message><Resource>"
                + escape(request.getRequestURI())
                + "</Resource><RequestId>4442587FB7D0A2F9</RequestId></Error>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
