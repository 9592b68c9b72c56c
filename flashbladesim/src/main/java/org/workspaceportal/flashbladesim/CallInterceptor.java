package org.workspaceportal.flashbladesim;

import java.util.OptionalInt;

/**
 * Sees every management API call before and after the simulator handles it, and may have it fail
 * with an HTTP error status instead: the seam through which tests make the array misbehave (their
 * {@code FaultInjector}, in this module's test sources). The simulator itself installs none, so
 * that no runtime jar carries fault injection; install one with {@link
 * FlashBladeSimulator#intercept}.
 *
 * <p>A status is answered as the array would: 429 and 403 by its API gateway with a flat {@code
 * {"message": ...}} body, every other one with the REST 2.x {@code {"errors": [...]}} body. Paths
 * are given twice, in full ({@code /api/2.17/buckets}, {@code /api/login}) and below the version
 * ({@code /buckets}), so that one rule can hold for every REST version. Calls arrive on many
 * threads at once; a method may block, as a slow array would.
 */
public interface CallInterceptor {

  /** Before the call is handled: a status to fail it with, so that it never takes effect. */
  OptionalInt before(String method, String fullPath, String versionedPath);

  /**
   * After the call took effect: a status to answer instead of its response, as when an answer is
   * lost after the array created something.
   */
  OptionalInt after(String method, String fullPath, String versionedPath);

  /** Lets every call through. */
  CallInterceptor NONE =
      new CallInterceptor() {
        @Override
        public OptionalInt before(String method, String fullPath, String versionedPath) {
          return OptionalInt.empty();
        }

        @Override
        public OptionalInt after(String method, String fullPath, String versionedPath) {
          return OptionalInt.empty();
        }
      };
}
