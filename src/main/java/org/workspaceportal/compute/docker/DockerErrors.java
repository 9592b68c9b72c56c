package org.workspaceportal.compute.docker;

import com.github.dockerjava.api.exception.DockerException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.EngineEndpoint;

/**
 * Turns what docker-java and the HTTP transport throw into messages an admin can act on. The vendor
 * exception stays the cause (for the log); only the message reaches pages.
 */
final class DockerErrors {

  private DockerErrors() {}

  static ComputeException translate(EngineEndpoint endpoint, String what, RuntimeException e) {
    if (e instanceof ComputeException already) {
      return already;
    }
    String where = endpoint.uri().toString();
    if (e instanceof DockerException docker) {
      return fromEngine(where, what, docker);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (endpoint.usesTls() && t instanceof SocketException) {
        // a dropped TLS connection: ask the engine's TLS layer why (see TlsDiagnosis)
        String alert = TlsDiagnosis.alertOf(endpoint);
        if (alert != null) {
          ComputeException known = fromTransport(where, new SSLException(alert), e);
          if (known != null) {
            return known;
          }
        }
      }
      ComputeException known = fromTransport(where, t, e);
      if (known != null) {
        return known;
      }
    }
    return new ComputeException(
        "Could not " + what + " on " + where + ": " + firstLine(e), true, e);
  }

  private static ComputeException fromEngine(String where, String what, DockerException e) {
    String body = firstLine(e);
    if (body.contains("Client sent an HTTP request to an HTTPS server")) {
      return new ComputeException(
          "The engine at "
              + where
              + " requires TLS: register it with its CA, a client certificate and its key.",
          false,
          e);
    }
    boolean transientFailure = e.getHttpStatus() >= 500;
    return new ComputeException(
        "The engine at "
            + where
            + " refused to "
            + what
            + " (HTTP "
            + e.getHttpStatus()
            + "): "
            + body,
        transientFailure,
        e);
  }

  private static ComputeException fromTransport(String where, Throwable t, RuntimeException top) {
    String message = String.valueOf(t.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (t instanceof CertPathBuilderException
        || t instanceof CertPathValidatorException
        || lower.contains("unable to find valid certification path")
        || lower.contains("pkix path")) {
      return permanent(
          "certificate not trusted: the certificate of the engine at "
              + where
              + " is not signed by the CA given for this host",
          top);
    }
    if (t instanceof SSLPeerUnverifiedException
        || lower.contains("subject alternative name")
        || lower.contains("doesn't match")) {
      return permanent(
          "certificate does not match: the certificate of the engine at "
              + where
              + " is not issued for that address",
          top);
    }
    if (lower.contains("certificate_required")
        || lower.contains("bad_certificate")
        || lower.contains("certificate_unknown")
        || lower.contains("unknown_ca")) {
      return permanent(
          "client certificate refused: the engine at "
              + where
              + " requires a client certificate signed by its CA",
          top);
    }
    if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
      return permanent("the engine at " + where + " does not speak TLS at that address", top);
    }
    if (t instanceof ConnectException || lower.contains("connection refused")) {
      return transientFailure(
          "connection refused: no Docker engine answers at " + where + " (is it running?)", top);
    }
    if (t instanceof NoSuchFileException || lower.contains("no such file or directory")) {
      return transientFailure("no Docker engine at " + where + ": the socket does not exist", top);
    }
    if (t instanceof AccessDeniedException || lower.contains("permission denied")) {
      return permanent(
          "permission denied on "
              + where
              + ": the portal's user may not use this socket (add it to the docker group)",
          top);
    }
    if (t instanceof SocketTimeoutException
        || t.getClass().getSimpleName().contains("Timeout")
        || lower.contains("timed out")) {
      return transientFailure("no answer from the engine at " + where + " in time", top);
    }
    if (t instanceof UnknownHostException) {
      return permanent("unknown host: " + message + " does not resolve", top);
    }
    if (t instanceof NoRouteToHostException) {
      return transientFailure("no route to the engine at " + where, top);
    }
    if (t instanceof SSLException) {
      return permanent("TLS with the engine at " + where + " failed: " + message, top);
    }
    return null;
  }

  private static ComputeException permanent(String message, Throwable cause) {
    return new ComputeException(message, false, cause);
  }

  private static ComputeException transientFailure(String message, Throwable cause) {
    return new ComputeException(message, true, cause);
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    int nl = m.indexOf('\n');
    String line = nl < 0 ? m : m.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
