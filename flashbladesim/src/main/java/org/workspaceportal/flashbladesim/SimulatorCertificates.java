package org.workspaceportal.flashbladesim;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's CA and a server certificate signed by it, so clients verify TLS against the CA
 * file exactly as they would against an array's CA, instead of switching verification off. The
 * server certificate names 127.0.0.1 and localhost, and whatever else the settings say clients use
 * (a bound address, a service name). A simulator with a data directory keeps its CA there, so a
 * client that read the CA file once (a portal in another container) still trusts it after a
 * restart; the server certificate is made fresh at every start. EC P-256 keys keep start-up fast.
 */
final class SimulatorCertificates {

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate ca;
  private final KeyPair serverKeys;
  private final X509Certificate server;

  private SimulatorCertificates(X509Certificate ca, KeyPair serverKeys, X509Certificate server) {
    this.ca = ca;
    this.serverKeys = serverKeys;
    this.server = server;
  }

  /** A fresh CA, and a server certificate for {@code settings}. */
  static SimulatorCertificates generate(SimulatorSettings settings) {
    return issue(Authority.generate(), settings);
  }

  /**
   * The CA kept in {@code caCertificate} and {@code caKey} (made and saved there if either is
   * missing), and a server certificate for {@code settings}.
   */
  static SimulatorCertificates keptIn(Path caCertificate, Path caKey, SimulatorSettings settings) {
    return issue(Authority.loadOrCreate(caCertificate, caKey), settings);
  }

  private static SimulatorCertificates issue(Authority ca, SimulatorSettings settings) {
    try {
      Instant now = Instant.now();
      KeyPair serverKeys = newKeyPair();
      var extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder serverBuilder =
          builder(
                  X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                  new X500Name("CN=127.0.0.1"),
                  serverKeys,
                  now,
                  Duration.ofDays(825))
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, subjectNames(settings))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(ca.certificate()));
      return new SimulatorCertificates(
          ca.certificate(), serverKeys, sign(serverBuilder, ca.keys().getPrivate()));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("Cannot create the simulator's certificates", e);
    }
  }

  private static GeneralNames subjectNames(SimulatorSettings settings) {
    Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "localhost"));
    InetAddress bound = settings.listenAddress();
    if (!bound.isAnyLocalAddress() && !bound.isLoopbackAddress()) {
      names.add(bound.getHostAddress());
    }
    names.addAll(settings.hostNames());
    return new GeneralNames(
        names.stream()
            .map(
                name ->
                    new GeneralName(
                        isAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name))
            .toArray(GeneralName[]::new));
  }

  private static boolean isAddress(String name) {
    try {
      InetAddress.ofLiteral(name);
      return true;
    } catch (IllegalArgumentException notAnAddress) {
      return false;
    }
  }

  X509Certificate ca() {
    return ca;
  }

  /** TLS server context presenting the server certificate and the CA as its chain. */
  SSLContext serverContext() {
    try {
      char[] password = "flashbladesim".toCharArray();
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          "server", serverKeys.getPrivate(), password, new Certificate[] {server, ca});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot create the simulator's TLS context", e);
    }
  }

  void writeCaPem(Path file) {
    writePem(ca, file);
  }

  private static void writePem(Object object, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, pem(object));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static String pem(Object object) throws IOException {
    try (var text = new StringWriter();
        var pem = new JcaPEMWriter(text)) {
      pem.writeObject(object);
      pem.flush();
      return text.toString();
    }
  }

  /** The CA's certificate and keys. */
  private record Authority(X509Certificate certificate, KeyPair keys) {

    static Authority generate() {
      try {
        Instant now = Instant.now();
        KeyPair keys = newKeyPair();
        var name =
            new X500Name("CN=FlashBlade Simulator CA " + Long.toHexString(RANDOM.nextLong()));
        X509v3CertificateBuilder builder =
            builder(name, name, keys, now, Duration.ofDays(3650))
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        return new Authority(sign(builder, keys.getPrivate()), keys);
      } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
        throw new IllegalStateException("Cannot create the simulator's CA", e);
      }
    }

    static Authority loadOrCreate(Path certificateFile, Path keyFile) {
      if (Files.exists(certificateFile) && Files.exists(keyFile)) {
        return load(certificateFile, keyFile);
      }
      Authority made = generate();
      made.save(certificateFile, keyFile);
      return made;
    }

    private static Authority load(Path certificateFile, Path keyFile) {
      try (var certificatePem = new PEMParser(Files.newBufferedReader(certificateFile));
          var keyPem = new PEMParser(Files.newBufferedReader(keyFile))) {
        X509Certificate certificate =
            new JcaX509CertificateConverter()
                .getCertificate((X509CertificateHolder) certificatePem.readObject());
        PrivateKey key =
            new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) keyPem.readObject());
        return new Authority(certificate, new KeyPair(certificate.getPublicKey(), key));
      } catch (IOException | GeneralSecurityException | ClassCastException e) {
        throw new IllegalStateException(
            "Cannot read the simulator's CA from " + certificateFile + " and " + keyFile, e);
      }
    }

    private void save(Path certificateFile, Path keyFile) {
      try {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.deleteIfExists(keyFile);
        // the CA's key signs what clients trust: readable by its owner only, from the start
        Files.createFile(keyFile, ownerOnly(keyFile));
        Files.writeString(keyFile, pem(new JcaPKCS8Generator(keys.getPrivate(), null)));
        writePem(certificate, certificateFile);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot keep the simulator's CA in " + keyFile, e);
      }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
      return file.getFileSystem().supportedFileAttributeViews().contains("posix")
          ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
          }
          : new FileAttribute<?>[0];
    }
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair keys, Instant now, Duration validity) {
    // backdated an hour so a client clock slightly behind ours still accepts the certificate
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(validity)),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
  }
}
