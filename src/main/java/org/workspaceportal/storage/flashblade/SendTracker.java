package org.workspaceportal.storage.flashblade;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Notes when OkHttp starts writing a request, so that a failed call can tell "never left this
 * machine" (safe to send again, even for a non-idempotent POST) from "may have reached the array".
 * The flag lives in a tag on the request because OkHttp creates the listener per call.
 */
final class SendTracker extends EventListener {

  /** Per-call state; set once, read after the call failed. */
  static final class Sent {
    private volatile boolean started;

    boolean started() {
      return started;
    }
  }

  static final EventListener.Factory FACTORY =
      call -> {
        Sent sent = call.request().tag(Sent.class);
        return sent == null ? EventListener.NONE : new SendTracker(sent);
      };

  private final Sent sent;

  private SendTracker(Sent sent) {
    this.sent = sent;
  }

  @Override
  public void requestHeadersStart(Call call) {
    sent.started = true;
  }
}
