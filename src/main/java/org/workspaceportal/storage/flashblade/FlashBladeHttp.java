package org.workspaceportal.storage.flashblade;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one {@link Exchange} and reads the whole answer: no retries, no session handling. Every
 * call is logged at DEBUG (method, path, status, request id; never a header, since two of them
 * carry secrets) and timed as {@code portal.flashblade.requests} by method, resource and outcome.
 */
final class FlashBladeHttp implements AutoCloseable {

  static final String SESSION_HEADER = "x-auth-token";
  static final String REQUEST_ID_HEADER = "X-Request-ID";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Logger log = LoggerFactory.getLogger(FlashBladeHttp.class);

  private final HttpUrl base;
  private final OkHttpClient pooled;
  private final OkHttpClient single;
  private final MeterRegistry meters;

  FlashBladeHttp(HttpUrl base, OkHttpClient client, MeterRegistry meters) {
    this.base = base;
    this.pooled = client.newBuilder().eventListenerFactory(SendTracker.FACTORY).build();
    // Calls that must reach the array at most once (creating an access key) are never resent by
    // OkHttp (no retry on a connection failure, a one-shot body). They use the shared pool's idle
    // connections rather than one of their own, which would cost a TLS handshake (some 0.08 s on a
    // busy portal host) on the path to every new notebook. OkHttp checks a connection idle for 10 s
    // or more before it writes a POST on it; an array that closed one idle for less (or closes it
    // as the request goes out) makes the call fail without knowing whether it arrived: the step is
    // tried again, and the next attempt deletes whatever key the user has before it makes one
    // (AccessKeys, StorageStepHandler), so a retry is the cost, not a key.
    this.single = pooled.newBuilder().retryOnConnectionFailure(false).build();
    this.meters = meters;
  }

  /** Sends the exchange with {@code header} (name and value, e.g. the session) when given. */
  Answer send(Exchange exchange, Map.@Nullable Entry<String, String> header)
      throws ExchangeFailure {
    SendTracker.Sent sent = new SendTracker.Sent();
    String requestId = UUID.randomUUID().toString();
    Request.Builder request =
        new Request.Builder()
            .url(url(exchange))
            .header(REQUEST_ID_HEADER, requestId)
            .header("Accept", "application/json")
            .tag(SendTracker.Sent.class, sent);
    if (header != null) {
      request.header(header.getKey(), header.getValue());
    }
    request.method(exchange.method(), body(exchange));
    OkHttpClient client = exchange.once() ? single : pooled;
    long start = System.nanoTime();
    try (Response response = client.newCall(request.build()).execute()) {
      byte[] bytes = response.body().bytes();
      String echoed = response.header(REQUEST_ID_HEADER, requestId);
      record(exchange, outcome(response.code()), start);
      log.debug(
          "FlashBlade {} {} -> {} ({} ms, request id {})",
          exchange.method(),
          exchange.path(),
          response.code(),
          millisSince(start),
          echoed);
      return new Answer(
          response.code(),
          bytes,
          echoed,
          response.header(SESSION_HEADER),
          retryAfter(response.header("Retry-After")));
    } catch (IOException e) {
      record(exchange, "IO_ERROR", start);
      log.debug(
          "FlashBlade {} {} -> no answer ({} ms, request id {}): {}",
          exchange.method(),
          exchange.path(),
          millisSince(start),
          requestId,
          e.toString());
      throw new ExchangeFailure(describe(e), e, sent.started());
    }
  }

  HttpUrl url(Exchange exchange) {
    HttpUrl.Builder url =
        base.newBuilder().encodedPath("/").addPathSegments(exchange.path().substring(1));
    exchange.query().forEach(url::addQueryParameter);
    return url.build();
  }

  private static RequestBody body(Exchange exchange) {
    if (exchange.method().equals("GET")) {
      return null;
    }
    byte[] bytes = exchange.body() == null ? new byte[0] : exchange.body();
    MediaType type = exchange.body() == null ? null : JSON;
    return exchange.once() ? new OneShotBody(bytes, type) : RequestBody.create(bytes, type);
  }

  private void record(Exchange exchange, String outcome, long start) {
    Timer.builder("portal.flashblade.requests")
        .description("Calls to the FlashBlade management API")
        .tag("method", exchange.method())
        .tag("resource", exchange.resource())
        .tag("outcome", outcome)
        .register(meters)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  private static String outcome(int status) {
    if (status < 300) {
      return "SUCCESS";
    }
    if (status < 400) {
      return "REDIRECTION";
    }
    return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    pooled.dispatcher().executorService().shutdown();
    pooled.connectionPool().evictAll();
  }

  /**
   * A body OkHttp may write only once, so that it never replays a non-idempotent request by itself.
   */
  private static final class OneShotBody extends RequestBody {
    private final byte[] bytes;
    private final MediaType type;

    OneShotBody(byte[] bytes, MediaType type) {
      this.bytes = bytes;
      this.type = type;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
    }
  }

  /** {@code Retry-After} in seconds; the rare HTTP-date form is ignored (the backoff applies). */
  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException notSeconds) {
      return null;
    }
  }
}
