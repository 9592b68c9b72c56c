package org.workspaceportal.workspace.lifetime;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** An extension cannot be asked for or decided in the state things are in: 409. */
public class ExtensionNotPossibleException extends PortalException {

  public ExtensionNotPossibleException(String detail) {
    super(HttpStatus.CONFLICT, "extension-not-possible", "Extension not possible now", detail);
  }
}
