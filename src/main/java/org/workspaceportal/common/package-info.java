/**
 * Shared kernel: the few types every module may use (the base of module exceptions, which carries
 * the RFC 9457 problem type so that one advice can render any module's errors without knowing the
 * module).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Common",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.workspaceportal.common;
