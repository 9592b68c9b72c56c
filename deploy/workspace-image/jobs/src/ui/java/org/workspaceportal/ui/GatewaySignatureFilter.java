package org.workspaceportal.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Spark master's web UI answers only the portal: its workspace gateway and its readiness probe.
 * Installed with {@code spark.ui.filters} on the master only (the entrypoint), whose UI is the one
 * port of a workspace's Spark that Docker publishes; the workers' and the applications' UIs are
 * reached through the master's reverse proxy ({@code /proxy/...}), so through this filter too, and
 * are published nowhere.
 *
 * <p>Every request must carry {@value #HEADER}: {@code user;expiry;hex(HMAC-SHA256(key,
 * "user;expiry"))}, the format the image's Jupyter takes (gateway_auth.py), keyed here with the
 * workspace's Spark RPC secret, which the master reads from {@code _SPARK_AUTH_SECRET} like Spark
 * itself. The portal keeps that secret encrypted and sends it to no browser. Whoever else reaches
 * the published port (another tenant's code, a neighbour on the hosts' network) lacks the secret,
 * so cannot sign, and gets 403 with no page of the UI. The workspace's own code has the secret (her
 * driver needs it) and can sign requests to her own master's UI, which is hers to read anyway; the
 * key opens no other workspace's UI (each cluster has its own secret).
 *
 * <p>Java 17 and the Jakarta Servlet API that Spark 4 brings: no other dependency. A key shorter
 * than 16 bytes, or none, refuses every request (closed, never open).
 */
public final class GatewaySignatureFilter implements Filter {

  public static final String HEADER = "X-Workspace-Identity";
  static final String KEY_VARIABLE = "_SPARK_AUTH_SECRET";

  /** The gateway signs each request for 60 s; a little slack for the clocks of two machines. */
  static final long MAX_LIFETIME_SECONDS = 300;

  private static final Pattern EXPIRY = Pattern.compile("[0-9]{1,12}");
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

  private byte[] key;

  /** As Spark makes it: keyed with the master's {@value #KEY_VARIABLE}. */
  public GatewaySignatureFilter() {
    this(System.getenv(KEY_VARIABLE));
  }

  GatewaySignatureFilter(String secret) {
    key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void init(FilterConfig config) {}

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    long now = System.currentTimeMillis() / 1000;
    if (verifiedUser(http.getHeader(HEADER), key, now) != null) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletResponse refused = (HttpServletResponse) response;
    refused.setStatus(HttpServletResponse.SC_FORBIDDEN);
    refused.setContentType("text/plain;charset=utf-8");
    refused.getWriter().write("Open this Spark UI from the Workspace Portal.\n");
  }

  /** The user a header value names if its signature is valid and unexpired, else null. */
  static String verifiedUser(String value, byte[] key, long nowSeconds) {
    if (value == null || key.length < 16) {
      return null;
    }
    String[] parts = value.split(";", -1);
    if (parts.length != 3 || parts[0].isEmpty()) {
      return null;
    }
    String user = parts[0];
    String expiry = parts[1];
    String signature = parts[2];
    if (!EXPIRY.matcher(expiry).matches() || !SIGNATURE.matcher(signature).matches()) {
      return null;
    }
    long expires = Long.parseLong(expiry);
    if (expires < nowSeconds || expires > nowSeconds + MAX_LIFETIME_SECONDS) {
      return null;
    }
    byte[] expected = hmac(key, user + ";" + expiry);
    byte[] given = HexFormat.of().parseHex(signature);
    return MessageDigest.isEqual(expected, given) ? user : null;
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
