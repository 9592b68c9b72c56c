package org.workspaceportal.flashbladesim;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The refusals S3 gives for a malformed request line or headers, checked without reading the body:
 * authorization, dates, presigned parameters, bucket names, key and metadata sizes, storage class,
 * canned ACL and listing arguments. The messages are S3's own.
 */
final class S3Refusals {

  private static final int MAX_KEY_BYTES = 1024;
  private static final int MAX_METADATA_BYTES = 2048;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern AMZ_DATE = Pattern.compile("\\d{8}T\\d{6}Z");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
  private static final Set<String> STORAGE_CLASSES =
      Set.of(
          "STANDARD",
          "REDUCED_REDUNDANCY",
          "STANDARD_IA",
          "ONEZONE_IA",
          "INTELLIGENT_TIERING",
          "GLACIER",
          "DEEP_ARCHIVE",
          "OUTPOSTS",
          "GLACIER_IR",
          "SNOW",
          "EXPRESS_ONEZONE");
  private static final Set<String> CANNED_ACLS =
      Set.of(
          "private",
          "public-read",
          "public-read-write",
          "aws-exec-read",
          "authenticated-read",
          "bucket-owner-read",
          "bucket-owner-full-control",
          "log-delivery-write");
  private static final List<String> PRESIGN_PARAMETERS =
      List.of(
          "X-Amz-Algorithm",
          "X-Amz-Credential",
          "X-Amz-Signature",
          "X-Amz-Date",
          "X-Amz-SignedHeaders",
          "X-Amz-Expires");

  private S3Refusals() {}

  /** What S3 answers instead. */
  record Refusal(int status, String code, String message) {}

  /** The first refusal S3 would give for this request's line and headers, or null. */
  static Refusal check(HttpServletRequest request, Map<String, String> query) {
    Refusal auth = checkAuthentication(request, query);
    if (auth != null) {
      return auth;
    }
    String[] path = bucketAndKey(request.getRequestURI());
    if (path[1] != null && path[1].getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      return new Refusal(400, "KeyTooLongError", "Your key is too long");
    }
    if ("PUT".equals(request.getMethod())
        && path[0] != null
        && path[1] == null
        && query.isEmpty()
        && !validBucketName(path[0])) {
      return new Refusal(400, "InvalidBucketName", "The specified bucket is not valid.");
    }
    String storageClass = request.getHeader("x-amz-storage-class");
    if (storageClass != null && !STORAGE_CLASSES.contains(storageClass)) {
      return new Refusal(
          400, "InvalidStorageClass", "The storage class you specified is not valid");
    }
    String acl = request.getHeader("x-amz-acl");
    if (acl != null && !CANNED_ACLS.contains(acl)) {
      return new Refusal(400, "InvalidArgument", "Invalid canned ACL: " + acl);
    }
    if (metadataBytes(request) > MAX_METADATA_BYTES) {
      return new Refusal(
          400,
          "MetadataTooLarge",
          "Your metadata headers exceed the maximum allowed metadata size.");
    }
    String maxKeys = query.get("max-keys");
    if (maxKeys != null && !wholeNumber(maxKeys, 0, Integer.MAX_VALUE)) {
      return new Refusal(
          400, "InvalidArgument", "Provided max-keys not an integer or within integer range");
    }
    String partNumber = query.get("partNumber");
    if (partNumber != null && !wholeNumber(partNumber, 1, 10_000)) {
      return new Refusal(
          400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive");
    }
    String encoding = query.get("encoding-type");
    if (encoding != null && !"url".equals(encoding)) {
      return new Refusal(400, "InvalidArgument", "Invalid Encoding Method specified in Request");
    }
    return null;
  }

  private static Refusal checkAuthentication(
      HttpServletRequest request, Map<String, String> query) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      if (authorization.startsWith("AWS4-HMAC-SHA256 ")) {
        return checkSigV4Header(request, authorization.substring("AWS4-HMAC-SHA256 ".length()));
      }
      if (authorization.startsWith("AWS ")) {
        return hasValidDate(request) ? null : missingDate();
      }
      return new Refusal(400, "InvalidArgument", "Unsupported Authorization Type");
    }
    if (query.containsKey("X-Amz-Algorithm")) {
      return checkPresignedV4(query);
    }
    return null;
  }

  private static Refusal checkSigV4Header(HttpServletRequest request, String components) {
    Map<String, String> parts = new HashMap<>();
    for (String part : components.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
      }
    }
    if (!parts.keySet().containsAll(List.of("Credential", "SignedHeaders", "Signature"))) {
      return malformedAuthorization(
          "the authorization header requires three components: Credential, SignedHeaders, and"
              + " Signature.");
    }
    if (!validCredential(parts.get("Credential"))) {
      return malformedAuthorization(
          "the Credential is mal-formed; expecting"
              + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
    }
    String contentSha = request.getHeader("x-amz-content-sha256");
    if (contentSha == null) {
      return new Refusal(
          400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
    }
    if (!SHA256.matcher(contentSha).matches()
        && !contentSha.equals("UNSIGNED-PAYLOAD")
        && !contentSha.startsWith("STREAMING-")) {
      return new Refusal(
          400,
          "InvalidArgument",
          "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, a STREAMING- payload type, or a valid"
              + " sha256 value.");
    }
    return hasValidDate(request) ? null : missingDate();
  }

  private static Refusal checkPresignedV4(Map<String, String> query) {
    if (!"AWS4-HMAC-SHA256".equals(query.get("X-Amz-Algorithm"))) {
      return presignError("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
    }
    if (!query.keySet().containsAll(PRESIGN_PARAMETERS)) {
      return presignError(
          "Query-string authentication version 4 requires the X-Amz-Algorithm,"
              + " X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and"
              + " X-Amz-Expires parameters.");
    }
    if (!AMZ_DATE.matcher(query.get("X-Amz-Date")).matches()) {
      return presignError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
    }
    if (!validCredential(query.get("X-Amz-Credential"))) {
      return presignError(
          "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting"
              + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
    }
    String expires = query.get("X-Amz-Expires");
    long seconds;
    try {
      seconds = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      return presignError("X-Amz-Expires should be a number");
    }
    if (seconds < 0) {
      return presignError("X-Amz-Expires must be non-negative");
    }
    if (seconds > 604_800) {
      return presignError("X-Amz-Expires must be less than a week (in seconds) that is 604800");
    }
    return null;
  }

  private static boolean validCredential(String credential) {
    String[] scope = credential.split("/", -1);
    return scope.length == 5
        && !scope[0].isEmpty()
        && scope[1].matches("\\d{8}")
        && !scope[2].isEmpty()
        && !scope[3].isEmpty()
        && scope[4].equals("aws4_request");
  }

  private static boolean hasValidDate(HttpServletRequest request) {
    String amzDate = request.getHeader("x-amz-date");
    if (amzDate != null && !amzDate.isEmpty()) {
      return AMZ_DATE.matcher(amzDate).matches() || httpDate(amzDate);
    }
    String date = request.getHeader("Date");
    return date != null && httpDate(date);
  }

  private static boolean httpDate(String value) {
    try {
      DateTimeFormatter.RFC_1123_DATE_TIME.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Refusal missingDate() {
    return new Refusal(
        403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
  }

  private static Refusal malformedAuthorization(String why) {
    return new Refusal(
        400, "AuthorizationHeaderMalformed", "The authorization header is malformed; " + why);
  }

  private static Refusal presignError(String message) {
    return new Refusal(400, "AuthorizationQueryParametersError", message);
  }

  /** S3's naming rules for new buckets (general purpose buckets). */
  static boolean validBucketName(String name) {
    return BUCKET.matcher(name).matches()
        && !name.contains("..")
        && !name.contains(".-")
        && !name.contains("-.")
        && !IP_ADDRESS.matcher(name).matches()
        && !name.startsWith("xn--")
        && !name.startsWith("sthree-")
        && !name.endsWith("-s3alias")
        && !name.endsWith("--ol-s3");
  }

  private static boolean wholeNumber(String value, long min, long max) {
    try {
      long n = Long.parseLong(value);
      return n >= min && n <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int metadataBytes(HttpServletRequest request) {
    int bytes = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-meta-")) {
        bytes += name.length() - "x-amz-meta-".length();
        for (String value : Collections.list(request.getHeaders(name))) {
          bytes += value.getBytes(StandardCharsets.UTF_8).length;
        }
      }
    }
    return bytes;
  }

  /** {@code [bucket, key]} of a path-style request, decoded; either may be null. */
  static String[] bucketAndKey(String uri) {
    String path = uri == null ? "" : uri;
    String[] parts = path.split("/", 3);
    String bucket = parts.length > 1 && !parts[1].isEmpty() ? decode(parts[1]) : null;
    String key = parts.length > 2 && !parts[2].isEmpty() ? decode(parts[2]) : null;
    return new String[] {bucket, key};
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** Query parameters, decoded, first value wins; never reads a request body. */
  static Map<String, String> query(String queryString) {
    Map<String, String> query = new HashMap<>();
    if (queryString == null || queryString.isEmpty()) {
      return query;
    }
    for (String pair : queryString.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.putIfAbsent(name, value);
    }
    return query;
  }
}
