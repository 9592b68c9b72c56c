package org.workspaceportal.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the encryption key comes from: {@code PORTAL_SECRET_KEY} (base64 of 32 bytes) when set;
 * otherwise, only in the embedded default, a key generated once into {@code <data-dir>/secret.key}.
 * A production run (external database) without a key refuses to start rather than invent one.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);

  @Bean
  SecretCipher secretCipher(Environment env) {
    return new SecretCipher(key(env));
  }

  static SecretKey key(Environment env) {
    String configured = env.getProperty("portal.secret-key", env.getProperty("PORTAL_SECRET_KEY"));
    if (StringUtils.hasText(configured)) {
      return decode(configured.strip(), "PORTAL_SECRET_KEY");
    }
    if (!env.getProperty("portal.embedded-postgres.running", Boolean.class, false)) {
      throw new IllegalStateException(
          "PORTAL_SECRET_KEY is not set. Generate one with `openssl rand -base64 32` and keep it safe: "
              + "S3 secrets stored by the portal are encrypted with it.");
    }
    // resolved once at start-up, with the embedded default's other state
    Path file = Path.of(env.getRequiredProperty("portal.data-dir")).resolve("secret.key");
    try {
      if (!Files.exists(file)) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Files.createDirectories(file.getParent());
        Files.writeString(
            file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
        trySetOwnerOnly(file);
        log.info(
            "Generated the secret encryption key into {} (embedded default only)",
            file.toAbsolutePath());
      }
      return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create " + file, e);
    }
  }

  private static SecretKey decode(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          source + " is not valid base64 (expected 32 random bytes, base64-encoded)", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          source + " must decode to 32 bytes (AES-256); it has " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static void trySetOwnerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      log.debug("Could not restrict permissions of {}", file);
    }
  }
}
