package org.workspaceportal.compute.docker;

import com.github.dockerjava.transport.SSLConfig;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.workspaceportal.compute.InvalidEndpointException;
import org.workspaceportal.compute.TlsMaterial;

/**
 * docker-java's TLS set-up from PEM documents held in memory (docker-java's own reads files from a
 * folder; ours come decrypted from the database and never touch the disk). Only the given CA is
 * trusted, not the JVM's defaults: an engine is trusted because the admin said so.
 */
final class PemSslConfig implements SSLConfig {

  private final SSLContext context;

  private PemSslConfig(SSLContext context) {
    this.context = context;
  }

  /** Parses the material; throws {@link InvalidEndpointException} naming the part that is wrong. */
  static PemSslConfig of(TlsMaterial tls) {
    List<X509Certificate> cas = certificates(tls.caPem(), "tlsCa", "CA certificate");
    List<X509Certificate> chain =
        certificates(tls.certificatePem(), "tlsCert", "client certificate");
    PrivateKey key = privateKey(tls.privateKeyPem());
    try {
      char[] password = randomPassword();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", key, password, chain.toArray(Certificate[]::new));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);

      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (int i = 0; i < cas.size(); i++) {
        trust.setCertificateEntry("ca-" + i, cas.get(i));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
      return new PemSslConfig(context);
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidEndpointException(
          "tlsKey",
          "The client certificate and private key cannot be used together: " + e.getMessage());
    }
  }

  @Override
  public SSLContext getSSLContext() {
    return context;
  }

  private static List<X509Certificate> certificates(String pem, String field, String what) {
    List<X509Certificate> found = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object next;
      while ((next = parser.readObject()) != null) {
        if (next instanceof X509CertificateHolder holder) {
          found.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new InvalidEndpointException(field, "The " + what + " is not a readable PEM document.");
    }
    if (found.isEmpty()) {
      throw new InvalidEndpointException(
          field, "The " + what + " must be a PEM certificate (-----BEGIN CERTIFICATE-----).");
    }
    return found;
  }

  private static PrivateKey privateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object parsed = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (parsed instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (parsed instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the message below; the key's text is never echoed
    }
    throw new InvalidEndpointException(
        "tlsKey",
        "The private key must be an unencrypted PEM key (-----BEGIN PRIVATE KEY----- or"
            + " -----BEGIN RSA/EC PRIVATE KEY-----).");
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).toCharArray();
  }
}
