package org.workspaceportal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.workspaceportal.common.PortalException;

/**
 * Boot's {@code /error}, where the container sends errors raised before any controller (a URL the
 * security firewall refuses, for example): pages keep the error page for people, everything else
 * gets a problem detail rather than Boot's own JSON.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

  ProblemErrorController(
      ErrorAttributes errorAttributes,
      WebProperties web,
      List<ErrorViewResolver> errorViewResolvers) {
    super(errorAttributes, web.getError(), errorViewResolvers);
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    if (status == HttpStatus.NO_CONTENT) {
      return new ResponseEntity<>(status);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", PortalException.TYPE_BASE + "http-" + status.value());
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put(
        "detail",
        status == HttpStatus.BAD_REQUEST
            ? "The request cannot be read: its URL is malformed (for example '//', ';', an encoded"
                + " '%' or '.' in the path)."
            : "The request cannot be served: " + status.getReasonPhrase() + ".");
    Object path = request.getAttribute("jakarta.servlet.error.request_uri");
    if (path != null) {
      body.put("instance", path.toString());
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
