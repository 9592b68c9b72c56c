package org.workspaceportal.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on pages: a page written for people, with the module's message, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

  @ExceptionHandler(ErrorResponseException.class)
  ModelAndView known(ErrorResponseException ex) {
    HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
    return page(status, ex.getBody().getTitle(), ex.getBody().getDetail());
  }

  /**
   * A malformed id in the path is an address that leads nowhere (404); a malformed query or form
   * parameter is a request that says what is wrong with it (400).
   */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView badParameter(MethodArgumentTypeMismatchException ex) {
    if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
      return page(HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address.");
    }
    return page(
        HttpStatus.BAD_REQUEST,
        "Invalid value",
        "'" + ex.getValue() + "' is not a valid " + ex.getName() + ": " + expected(ex) + ".");
  }

  private static String expected(MethodArgumentTypeMismatchException ex) {
    Class<?> type = ex.getRequiredType();
    if (type != null && type.isEnum()) {
      return "choose one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "it must be a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "it must be true or false";
    }
    return "it has the wrong form";
  }

  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ModelAndView concurrent(Exception ex) {
    return page(
        HttpStatus.CONFLICT,
        "Changed meanwhile",
        "Someone else changed this at the same time. Go back, reload and try again.");
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ModelAndView unstorable(Exception ex) {
    return page(
        HttpStatus.BAD_REQUEST,
        "Invalid value",
        "A value you entered cannot be stored (for example a control character or a date out of range).");
  }

  static ModelAndView page(HttpStatus status, String title, String message) {
    ModelAndView mav = new ModelAndView("error");
    mav.setStatus(status);
    mav.addObject("status", status.value());
    mav.addObject("errorTitle", title);
    mav.addObject("message", message);
    return mav;
  }
}
