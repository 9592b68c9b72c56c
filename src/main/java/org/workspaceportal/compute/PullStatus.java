package org.workspaceportal.compute;

/**
 * Where an image pull stands. Pulls run in the background; the caller asks again until it is done
 * or failed.
 *
 * @param progress for a running pull, how far it is in words ("1.2 of 2.9 GB")
 * @param failure for a failed pull, why
 */
public record PullStatus(State state, String progress, String failure) {

  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  public static PullStatus running(String progress) {
    return new PullStatus(State.RUNNING, progress, null);
  }

  public static PullStatus done() {
    return new PullStatus(State.DONE, null, null);
  }

  public static PullStatus failed(String failure) {
    return new PullStatus(State.FAILED, null, failure);
  }
}
