package org.workspaceportal.flashbladesim;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The request as S3Proxy gets it from the {@link S3RequestGuard}. */
final class S3GuardedRequests {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private S3GuardedRequests() {}

  /**
   * Hides what S3 would ignore and S3Proxy would trip over: a {@code Range} that is not one valid
   * byte range, and {@code x-amz-decoded-content-length} on a payload that is not streamed.
   */
  static final class Sanitized extends HttpServletRequestWrapper {

    private final Set<String> hidden;

    Sanitized(HttpServletRequest request) {
      super(request);
      String range = request.getHeader("Range");
      String sha = request.getHeader("x-amz-content-sha256");
      HashSet<String> hide = new HashSet<>();
      if (range != null && !usableRange(range)) {
        hide.add("range");
      }
      // SigV2 signs every x-amz- header with the request S3Proxy sees: hide nothing there
      String authorization = request.getHeader("Authorization");
      boolean sigV4 = authorization != null && authorization.startsWith("AWS4-");
      if (sigV4
          && request.getHeader("x-amz-decoded-content-length") != null
          && (sha == null || !sha.startsWith("STREAMING-"))) {
        hide.add("x-amz-decoded-content-length");
      }
      this.hidden = hide;
    }

    private static boolean usableRange(String range) {
      var m = RANGE.matcher(range.strip());
      if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
        return false;
      }
      try {
        if (m.group(1).isEmpty()) {
          return Long.parseLong(m.group(2)) > 0;
        }
        long first = Long.parseLong(m.group(1));
        return m.group(2).isEmpty() || Long.parseLong(m.group(2)) >= first;
      } catch (NumberFormatException tooBig) {
        return false;
      }
    }

    private boolean isHidden(String name) {
      return name != null && hidden.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String getHeader(String name) {
      return isHidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isHidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      return Collections.enumeration(
          Collections.list(super.getHeaderNames()).stream().filter(n -> !isHidden(n)).toList());
    }

    @Override
    public long getDateHeader(String name) {
      return isHidden(name) ? -1 : super.getDateHeader(name);
    }
  }

  /** The request with a body that was read to check it, ready to be read again. */
  static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return false;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
