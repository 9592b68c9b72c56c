package org.workspaceportal.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text that people type: any character except control characters other than line breaks and
 * tabs, and no unpaired surrogate. Control characters cannot be stored (NUL) or shown (XML, pages),
 * and an unpaired surrogate is not text at all: the database would keep a {@code ?} in its place.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

  String MESSAGE =
      "must not contain control characters (other than line breaks and tabs) or broken characters";

  String message() default MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The Bean Validation side of {@link PlainText}. */
  class Validator implements ConstraintValidator<PlainText, CharSequence> {

    /** True for null and for text this constraint accepts. */
    public static boolean isPlain(CharSequence text) {
      if (text == null) {
        return true;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
          if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            i++;
            continue;
          }
          return false;
        }
        if (Character.isLowSurrogate(c)
            || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return isPlain(value);
    }
  }
}
