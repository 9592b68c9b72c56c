package org.workspaceportal;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs Jakarta Bean Validation (Hibernate Validator, as in the application) on a command or form.
 */
public final class BeanValidation {

  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  private BeanValidation() {}

  /** Property path → the messages of its violations; empty when the object is valid. */
  public static Map<String, Set<String>> violations(Object bean) {
    Map<String, Set<String>> result = new TreeMap<>();
    VALIDATOR
        .validate(bean)
        .forEach(
            v ->
                result
                    .computeIfAbsent(v.getPropertyPath().toString(), k -> new TreeSet<>())
                    .add(v.getMessage()));
    return result;
  }

  /** The properties that have violations. */
  public static Set<String> invalidFields(Object bean) {
    return violations(bean).keySet();
  }
}
