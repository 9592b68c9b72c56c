package org.workspaceportal.compute;

/**
 * The Docker engines the portal runs workspaces on, as the portal needs them. Stateless: each call
 * names its engine; connections are kept per endpoint by the adapter and dropped with {@link
 * #forget}. Failures are {@link ComputeException}s saying whether a retry may help.
 */
public interface ContainerEngine {

  /**
   * Checks an endpoint before anyone relies on it, without contacting it: the URI has a form the
   * adapter speaks and the TLS material parses. Throws {@link InvalidEndpointException} saying what
   * is wrong.
   */
  void validate(EngineEndpoint endpoint);

  /**
   * Asks the engine who it is (ping, version, info). Throws a {@link ComputeException} whose
   * message says why it could not (connection refused, certificate not trusted, API too old).
   */
  EngineInfo describe(EngineEndpoint endpoint);

  /** Drops any connection kept for this endpoint (it changed or was removed). */
  void forget(EngineEndpoint endpoint);
}
