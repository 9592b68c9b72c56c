package org.workspaceportal.flashbladesim;

/** A file system as a test sees it; {@code provisioned} in bytes, {@code null} = unlimited. */
public record SimulatedFileSystem(
    String name,
    boolean destroyed,
    Long provisioned,
    boolean nfsV3Enabled,
    boolean nfsV41Enabled,
    String nfsRules) {}
