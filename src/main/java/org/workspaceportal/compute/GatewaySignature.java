package org.workspaceportal.compute;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the workspace image's Jupyter and Spark master UI take a request from the portal (its
 * contract, version 3: the image's {@code gateway_auth.py} and {@code GatewaySignatureFilter}): a
 * header {@value #HEADER} with {@code user;expiry;hex(HMAC-SHA256(key, "user;expiry"))}, keyed with
 * the notebook's {@code JUPYTER_TOKEN} for Jupyter and with the cluster's Spark RPC secret for the
 * master's UI. Both accept nothing else: no token in a URL or header, no password, no cookie of
 * their own. The portal's gateway signs each request it forwards; the readiness probe signs its
 * status requests.
 */
public final class GatewaySignature {

  public static final String HEADER = "X-Workspace-Identity";

  /** How long a signature is good for: one request's way to Jupyter, with room for clock skew. */
  public static final long LIFETIME_SECONDS = 60;

  private GatewaySignature() {}

  public static String sign(String username, String key, Instant now) {
    String signed = username + ";" + (now.getEpochSecond() + LIFETIME_SECONDS);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signed
          + ";"
          + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
