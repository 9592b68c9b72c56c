package org.workspaceportal.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.workspaceportal.common.PortalException;

/**
 * Tomcat's error report for requests that never reach the portal's code: a URL Tomcat refuses to
 * parse ({@code %00}, an encoded slash, too long). Under {@code /api/} it is a problem detail like
 * every other API error; elsewhere Tomcat's page, without its version or a stack trace. Public with
 * a no-argument constructor because Tomcat creates it by class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !isApi(request)) {
      super.report(request, response, throwable);
      return;
    }
    if (!response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known != null ? known.getReasonPhrase() : "Error";
    String detail =
        status == 400
            ? "The request cannot be read: its URL or headers are malformed (for example an encoded"
                + " slash or a NUL character) or too long."
            : "The request cannot be served: " + title + ".";
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            "{\"type\":\""
                + PortalException.TYPE_BASE
                + "http-"
                + status
                + "\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was taken over: nothing more to say
    }
  }

  /**
   * The raw path, as sent: the decoded one may not exist for a URL Tomcat refused. A request line
   * Tomcat could not read at all (too long, a backslash) has no path; nobody can tell whether a
   * script or a browser sent it, and a problem detail reads well to both.
   */
  private static boolean isApi(Request request) {
    String raw = request.getCoyoteRequest().requestURI().toString();
    return raw == null || raw.isEmpty() || raw.startsWith("/api/");
  }
}
