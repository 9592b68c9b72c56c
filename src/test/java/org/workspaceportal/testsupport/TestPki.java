package org.workspaceportal.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * A throw-away certificate authority for tests: a CA, certificates it signs for a TLS server on
 * 127.0.0.1 and for clients, all as PEM text (EC P-256 keys, valid for a day).
 */
public final class TestPki {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private final KeyPair caKeys;
  private final X509Certificate ca;

  private TestPki(String name) {
    this.name = name;
    this.caKeys = keyPair();
    X509v3CertificateBuilder builder = builder(name, name, caKeys);
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.ca = sign(builder, caKeys);
  }

  public static TestPki create(String name) {
    return new TestPki(name);
  }

  public String caPem() {
    return pem(ca);
  }

  /** A server certificate for 127.0.0.1 and its key. */
  public Issued serverFor127() {
    return serverFor("127.0.0.1");
  }

  /** A server certificate for this IP address and its key. */
  public Issued serverFor(String ip) {
    KeyPair keys = keyPair();
    X509v3CertificateBuilder builder = builder(name, ip, keys);
    try {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.iPAddress, ip)));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Issued(pem(sign(builder, caKeys)), pkcs8(keys.getPrivate()));
  }

  /** A client certificate and its key. */
  public Issued client(String commonName) {
    KeyPair keys = keyPair();
    X509v3CertificateBuilder builder = builder(name, commonName, keys);
    try {
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Issued(pem(sign(builder, caKeys)), pkcs8(keys.getPrivate()));
  }

  /** A certificate and its private key, both PEM. */
  public record Issued(String certificatePem, String privateKeyPem) {}

  private static X509v3CertificateBuilder builder(String issuer, String subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        new X500Name("CN=" + issuer),
        new BigInteger(64, RANDOM),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))),
        new X500Name("CN=" + subject),
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PKCS#8 ("BEGIN PRIVATE KEY"), which Go (dockerd) and Java both read. */
  private static String pkcs8(PrivateKey key) {
    try {
      return pem(new JcaPKCS8Generator(key, null));
    } catch (PemGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
