package org.workspaceportal.storage.flashblade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Whom the management connection trusts: only the configured CA bundle when there is one (so a
 * public CA cannot vouch for a fake array), else the JVM's trust store, or — an explicit, logged
 * opt-in — anything. Host names are verified in the first two cases.
 */
final class ManagementTls {

  private final X509TrustManager trustManager;
  private final boolean insecure;

  private ManagementTls(X509TrustManager trustManager, boolean insecure) {
    this.trustManager = trustManager;
    this.insecure = insecure;
  }

  static ManagementTls from(FlashBladeProperties properties) {
    if (properties.insecureSkipTlsVerify()) {
      return new ManagementTls(new TrustEverything(), true);
    }
    try {
      KeyStore anchors =
          properties.caCertificate() == null ? null : trustStore(properties.caCertificate());
      return new ManagementTls(trustManager(anchors), false);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot use portal.storage.flashblade.ca-certificate "
              + properties.caCertificate()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  void applyTo(OkHttpClient.Builder builder) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      SSLSocketFactory socketFactory = context.getSocketFactory();
      builder.sslSocketFactory(socketFactory, trustManager);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS for the FlashBlade management API", e);
    }
    if (insecure) {
      builder.hostnameVerifier((host, session) -> true);
    }
  }

  private static KeyStore trustStore(Path pemBundle) throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pemBundle)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no certificate found in the file");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int index = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("flashblade-ca-" + index++, certificate);
    }
    return store;
  }

  /** {@code null} anchors select the JVM's default trust store. */
  private static X509TrustManager trustManager(KeyStore anchors) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(anchors);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager available");
  }

  /**
   * Only reachable through insecure-skip-tls-verify=true, which is logged as a warning at start.
   */
  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
