package org.workspaceportal.host;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an admin gives to register (or edit) a Docker host. Optional fields: {@code address}
 * defaults to the endpoint's host (127.0.0.1 for a unix socket); {@code cpus} and {@code memoryMb}
 * to all the engine reports; the port range to {@link HostProperties#defaultPortRangeStart()}-end.
 * On an edit, blank TLS fields keep the stored ones.
 *
 * @param endpoint {@code unix:///var/run/docker.sock} or {@code tcp://host:port} (TLS)
 * @param address how users and other hosts reach this host (links, Spark's advertised address)
 * @param labels {@code key} or {@code key=value} each
 * @param tlsCa PEM of the CA that signed the engine's certificate
 * @param tlsCert PEM of the client certificate the engine accepts
 * @param tlsKey PEM of the client certificate's private key (a secret)
 */
public record HostRegistration(
    @NotBlank
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,39}",
            message =
                "use 1 to 40 lower-case letters, digits and hyphens, starting with a letter or digit")
        String name,
    @NotBlank @Size(max = 300) String endpoint,
    @Size(max = 255)
        @Pattern(
            regexp = "^$|[A-Za-z0-9][A-Za-z0-9.:-]*",
            message = "must be a host name or an IP address")
        String address,
    @Size(max = 20)
        List<
                @Pattern(
                    regexp = "[a-z0-9][a-z0-9._-]{0,39}(=[A-Za-z0-9._-]{1,60})?",
                    message = "labels are key or key=value (letters, digits, . _ -)")
                String>
            labels,
    @Min(value = 1, message = "must be at least 1") @Max(4096) Integer cpus,
    @Min(value = 256, message = "must be at least 256 MB") @Max(16_777_216) Integer memoryMb,
    @Min(1024) @Max(65535) Integer portRangeStart,
    @Min(1024) @Max(65535) Integer portRangeEnd,
    @Size(max = 20_000) String tlsCa,
    @Size(max = 20_000) String tlsCert,
    @Size(max = 20_000) String tlsKey) {

  public HostRegistration {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  boolean hasTls() {
    return notBlank(tlsCa) || notBlank(tlsCert) || notBlank(tlsKey);
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  @Override
  public String toString() {
    return "HostRegistration[name="
        + name
        + ", endpoint="
        + endpoint
        + ", address="
        + address
        + ", tls="
        + hasTls()
        + "]";
  }
}
