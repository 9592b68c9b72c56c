package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests S3 refuses get S3's status and error code from the simulator's data plane, never a 500,
 * and are never carried out. Sent over a raw socket, signed by hand, because SDKs refuse to send
 * them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3MalformedRequestTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private SimulatorFixtures.Tenant tenant;
  private String bucket;

  @BeforeAll
  void tenantWithAnObject() throws Exception {
    tenant = SimulatorFixtures.tenant(SimulatorFixtures.loggedIn(simulator));
    bucket = "/" + tenant.bucket();
    Answer put =
        send("PUT", bucket + "/obj", "", signed("PUT", bucket + "/obj", "", "hello"), "hello");
    assertThat(put.status).as(put.body).isEqualTo(200);
  }

  record Answer(int status, String body) {
    String code() {
      int start = body.indexOf("<Code>");
      return start < 0 ? "" : body.substring(start + 6, body.indexOf("</Code>"));
    }
  }

  // ---- the refusals

  @Test
  void aSigV4RequestWithoutContentShaIsAnInvalidRequestNotA500() throws Exception {
    Map<String, String> headers = signed("GET", bucket + "/obj", "", "");
    headers.remove("x-amz-content-sha256");
    headers.put("Authorization", sign("GET", bucket + "/obj", "", headers, hash("")));

    assertRefused(send("GET", bucket + "/obj", "", headers), 400, "InvalidRequest");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc", "garbage", "Basic dXNlcjpwdw=="})
  void anUnknownAuthorizationTypeIsAnInvalidArgument(String authorization) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", authorization);
    headers.put("x-amz-date", amzDate());

    assertRefused(send("GET", bucket + "/obj", "", headers), 400, "InvalidArgument");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AWS4-HMAC-SHA256 garbage",
        "AWS4-HMAC-SHA256 Credential=AK/20260101/us-east-1/s3/aws4_request, SignedHeaders=host",
        "AWS4-HMAC-SHA256 Credential=AK, SignedHeaders=host, Signature=abc"
      })
  void aMalformedSigV4HeaderIsAuthorizationHeaderMalformed(String authorization) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", authorization);
    headers.put("x-amz-date", amzDate());
    headers.put("x-amz-content-sha256", "UNSIGNED-PAYLOAD");

    assertRefused(send("GET", bucket + "/obj", "", headers), 400, "AuthorizationHeaderMalformed");
  }

  @Test
  void anUnreadableDateIsAccessDenied() throws Exception {
    Map<String, String> headers = signed("GET", bucket + "/obj", "", "");
    headers.put("x-amz-date", "notadate");
    headers.put("Authorization", sign("GET", bucket + "/obj", "", headers, hash("")));

    assertRefused(send("GET", bucket + "/obj", "", headers), 403, "AccessDenied");
  }

  @Test
  void aContentShaThatIsNoShaIsAnInvalidArgument() throws Exception {
    Map<String, String> headers = signed("GET", bucket + "/obj", "", "");
    headers.put("x-amz-content-sha256", "zzz");
    headers.put("Authorization", sign("GET", bucket + "/obj", "", headers, "zzz"));

    assertRefused(send("GET", bucket + "/obj", "", headers), 400, "InvalidArgument");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc",
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20260101T000000Z&X-Amz-Expires=abc&X-Amz-SignedHeaders=host&X-Amz-Signature=abc",
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20260101T000000Z&X-Amz-Expires=9999999&X-Amz-SignedHeaders=host&X-Amz-Signature=abc",
        "X-Amz-Algorithm=HMAC-MD5&X-Amz-Signature=abc"
      })
  void malformedPresignedParametersAreAnAuthorizationQueryParametersError(String query)
      throws Exception {
    assertRefused(
        send("GET", bucket + "/obj", query, new LinkedHashMap<>()),
        400,
        "AuthorizationQueryParametersError");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bad_name",
        "Upper-case",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "xn--abc",
        "two..dots",
        "ab",
        "192.168.1.1"
      })
  void anInvalidBucketNameIsRefusedAndNoBucketIsMade(String name) throws Exception {
    assertRefused(
        send("PUT", "/" + name, "", signed("PUT", "/" + name, "", "")), 400, "InvalidBucketName");

    assertThat(simulator.buckets()).noneMatch(b -> b.name().equals(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"<Delete><Object><Key>obj</Key></Object", "not xml at all", ""})
  void aDeleteObjectsBodyThatIsNotXmlIsMalformedXmlAndDeletesNothing(String body) throws Exception {
    Map<String, String> headers = signed("POST", bucket, "delete=", body);
    headers.put("Content-MD5", md5(body));
    headers.put("Authorization", sign("POST", bucket, "delete=", headers, hash(body)));

    assertRefused(send("POST", bucket, "delete=", headers, body), 400, "MalformedXML");
    assertThat(send("GET", bucket + "/obj", "", signed("GET", bucket + "/obj", "", "")).status)
        .isEqualTo(200);
  }

  @Test
  void anAclOrABucketConfigurationThatIsNotXmlIsMalformedXml() throws Exception {
    String broken = "<AccessControlPolicy>";
    String newBucket = "/" + SimulatorFixtures.unique("cfg");

    assertRefused(
        send(
            "PUT", bucket + "/obj", "acl=", signed("PUT", bucket + "/obj", "acl=", broken), broken),
        400,
        "MalformedXML");
    assertRefused(
        send("PUT", newBucket, "", signed("PUT", newBucket, "", "<Create"), "<Create"),
        400,
        "MalformedXML");
  }

  @Test
  void aKeyOverOneKibibyteIsKeyTooLong() throws Exception {
    String path = bucket + "/" + "k".repeat(1025);

    assertRefused(send("PUT", path, "", signed("PUT", path, "", "x"), "x"), 400, "KeyTooLongError");
  }

  @Test
  void userMetadataOverTwoKibibytesIsMetadataTooLarge() throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amz-meta-big", "m".repeat(2100));
    String path = bucket + "/meta";

    assertRefused(
        send("PUT", path, "", signed("PUT", path, "", headers, "x"), "x"), 400, "MetadataTooLarge");
  }

  @Test
  void anUnknownStorageClassIsInvalidStorageClass() throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amz-storage-class", "BOGUS");
    String path = bucket + "/sc";

    assertRefused(
        send("PUT", path, "", signed("PUT", path, "", headers, "x"), "x"),
        400,
        "InvalidStorageClass");
  }

  @ParameterizedTest
  @ValueSource(strings = {"max-keys=-1", "max-keys=abc", "encoding-type=bogus"})
  void aBadListingArgumentIsAnInvalidArgument(String query) throws Exception {
    assertRefused(
        send("GET", bucket, query, signed("GET", bucket, query, "")), 400, "InvalidArgument");
  }

  @ParameterizedTest
  @ValueSource(strings = {"partNumber=abc", "partNumber=0", "partNumber=10001"})
  void aPartNumberOutsideOneToTenThousandIsAnInvalidArgument(String query) throws Exception {
    assertRefused(
        send("GET", bucket + "/obj", query, signed("GET", bucket + "/obj", query, "")),
        400,
        "InvalidArgument");
  }

  // ---- what S3 ignores, and what must keep working

  @ParameterizedTest
  @ValueSource(strings = {"bytes=abc", "bytes=3-1", "bytes=", "bytes=-", "items=0-1"})
  void aRangeS3WouldIgnoreIsIgnoredAndTheWholeObjectServed(String range) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Range", range);

    Answer answer =
        send("GET", bucket + "/obj", "", signed("GET", bucket + "/obj", "", headers, ""));

    assertThat(answer.status).as(answer.body).isEqualTo(200);
    assertThat(answer.body).endsWith("hello");
  }

  @Test
  void aValidRangeStillServesThePart() throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Range", "bytes=1-3");

    Answer answer =
        send("GET", bucket + "/obj", "", signed("GET", bucket + "/obj", "", headers, ""));

    assertThat(answer.status).isEqualTo(206);
    assertThat(answer.body).endsWith("ell");
  }

  @Test
  void aWellFormedDeleteObjectsStillDeletes() throws Exception {
    String path = bucket + "/doomed";
    send("PUT", path, "", signed("PUT", path, "", "bye"), "bye");
    String body = "<Delete><Object><Key>doomed</Key></Object></Delete>";
    Map<String, String> headers = signed("POST", bucket, "delete=", body);
    headers.put("Content-MD5", md5(body));
    headers.put("Authorization", sign("POST", bucket, "delete=", headers, hash(body)));

    assertThat(send("POST", bucket, "delete=", headers, body).status).isEqualTo(200);
    assertThat(send("GET", path, "", signed("GET", path, "", "")).status).isEqualTo(404);
  }

  @Test
  void aDecodedLengthHeaderOnAPlainUploadIsNoServerError() throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amz-decoded-content-length", "5");
    String path = bucket + "/decoded";

    Answer answer = send("PUT", path, "", signed("PUT", path, "", headers, "x"), "x");

    assertThat(answer.status).as(answer.body).isLessThan(500);
  }

  private static void assertRefused(Answer answer, int status, String code) {
    assertThat(answer.status).as(answer.body).isEqualTo(status);
    assertThat(answer.code()).as(answer.body).isEqualTo(code);
  }

  // ---- a raw HTTP/1.0 client and a SigV4 signer

  private Answer send(String method, String path, String query, Map<String, String> headers)
      throws IOException {
    return send(method, path, query, headers, "");
  }

  private Answer send(
      String method, String path, String query, Map<String, String> headers, String body)
      throws IOException {
    var endpoint = simulator.s3Endpoint();
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder();
    request
        .append(method)
        .append(' ')
        .append(path)
        .append(query.isEmpty() ? "" : "?" + query)
        .append(" HTTP/1.0\r\n");
    request.append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort());
    request.append("\r\nContent-Length: ").append(content.length).append("\r\n");
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("host")) {
            request.append(name).append(": ").append(value).append("\r\n");
          }
        });
    request.append("\r\n");
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String response = all.toString(StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int split = response.indexOf("\r\n\r\n");
      return new Answer(status, split < 0 ? "" : response.substring(split + 4));
    }
  }

  private Map<String, String> signed(String method, String path, String query, String body)
      throws Exception {
    return signed(method, path, query, new LinkedHashMap<>(), body);
  }

  private Map<String, String> signed(
      String method, String path, String query, Map<String, String> extra, String body)
      throws Exception {
    Map<String, String> headers = new LinkedHashMap<>(extra);
    headers.put("x-amz-date", amzDate());
    headers.put("x-amz-content-sha256", hash(body));
    headers.put("Authorization", sign(method, path, query, headers, hash(body)));
    return headers;
  }

  private static String amzDate() {
    return ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
  }

  private String sign(
      String method, String path, String query, Map<String, String> headers, String payloadHash)
      throws Exception {
    var endpoint = simulator.s3Endpoint();
    TreeMap<String, String> canonical = new TreeMap<>();
    canonical.put("host", endpoint.getHost() + ":" + endpoint.getPort());
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("Authorization")) {
            canonical.put(name.toLowerCase(), value.strip());
          }
        });
    StringBuilder canonicalHeaders = new StringBuilder();
    canonical.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
    String signedHeaders = String.join(";", canonical.keySet());
    String canonicalQuery =
        query.isEmpty() ? "" : String.join("&", new TreeSet<>(Arrays.asList(query.split("&"))));
    String date = headers.getOrDefault("x-amz-date", amzDate());
    String day = (date.matches("\\d{8}T.*") ? date : amzDate()).substring(0, 8);
    String scope = day + "/us-east-1/s3/aws4_request";
    String canonicalRequest =
        String.join(
            "\n",
            method,
            path,
            canonicalQuery,
            canonicalHeaders.toString(),
            signedHeaders,
            payloadHash);
    String stringToSign =
        String.join("\n", "AWS4-HMAC-SHA256", date, scope, hash(canonicalRequest));
    byte[] key = ("AWS4" + tenant.secret()).getBytes(StandardCharsets.UTF_8);
    for (String part : new String[] {day, "us-east-1", "s3", "aws4_request"}) {
      key = hmac(key, part);
    }
    String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
    return "AWS4-HMAC-SHA256 Credential="
        + tenant.accessKeyId()
        + "/"
        + scope
        + ", SignedHeaders="
        + signedHeaders
        + ", Signature="
        + signature;
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hash(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String md5(String text) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
