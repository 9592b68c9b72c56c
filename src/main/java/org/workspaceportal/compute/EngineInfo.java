package org.workspaceportal.compute;

/**
 * What a Docker engine says about itself.
 *
 * @param engineVersion e.g. {@code 20.10.24}
 * @param apiVersion the newest Engine API version it speaks, e.g. {@code 1.41}
 * @param cpus CPUs the engine sees
 * @param memoryBytes memory the engine sees
 * @param ipv4Forwarding whether the host forwards IPv4 packets ({@code net.ipv4.ip_forward}, as the
 *     engine reports it); null when it does not say
 */
public record EngineInfo(
    String name,
    String engineVersion,
    String apiVersion,
    String operatingSystem,
    int cpus,
    long memoryBytes,
    Boolean ipv4Forwarding) {}
