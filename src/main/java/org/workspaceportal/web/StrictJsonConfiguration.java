package org.workspaceportal.web;

import java.time.Instant;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The API speaks JSON, read strictly. Other formats that libraries on the class path could bring in
 * (XML, YAML, CBOR, Smile) are not offered: a body in them is 415, an {@code Accept} only for them
 * 406. A JSON body must say exactly what it means: a number where a number is expected and a string
 * where a string is, an enum by its name, each field once, and no field the request does not have.
 * Anything else is a 400 that names the field (see {@link ApiExceptionHandler}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration implements WebMvcConfigurer {

  private static final List<String> OTHER_FORMATS = List.of("xml", "yaml", "cbor", "smile");

  @Bean
  JsonMapperBuilderCustomizer strictJsonReading() {
    return builder ->
        builder
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // "workers": 2.5 is an error, not 2
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(LogicalType.Textual, c -> refuse(c, NUMBER, FLAG))
            .withCoercionConfig(LogicalType.Integer, c -> refuse(c, TEXT, FLAG))
            .withCoercionConfig(LogicalType.Float, c -> refuse(c, TEXT, FLAG))
            .withCoercionConfig(LogicalType.Boolean, c -> refuse(c, TEXT, NUMBER))
            .withCoercionConfig(LogicalType.Enum, c -> refuse(c, NUMBER, FLAG))
            .withCoercionConfig(LogicalType.DateTime, c -> refuse(c, NUMBER, FLAG))
            .withCoercionConfig(LogicalType.OtherScalar, c -> refuse(c, NUMBER, FLAG))
            .withCoercionConfig(LogicalType.POJO, c -> refuse(c, TEXT, NUMBER, FLAG))
            // the date-time reader takes epoch numbers whatever the coercion settings say
            .addModule(
                new SimpleModule("instants-as-text").addDeserializer(Instant.class, TEXT_INSTANT));
  }

  private static final ValueDeserializer<Instant> TEXT_INSTANT =
      new StdDeserializer<>(Instant.class) {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
          if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return ctxt.reportInputMismatch(
                Instant.class, "a date and time must be a string like 2030-01-31T18:00:00Z");
          }
          return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
      };

  private static final List<CoercionInputShape> TEXT =
      List.of(CoercionInputShape.String, CoercionInputShape.EmptyString);
  private static final List<CoercionInputShape> NUMBER =
      List.of(CoercionInputShape.Integer, CoercionInputShape.Float);
  private static final List<CoercionInputShape> FLAG = List.of(CoercionInputShape.Boolean);

  @SafeVarargs
  private static void refuse(MutableCoercionConfig config, List<CoercionInputShape>... shapes) {
    for (List<CoercionInputShape> group : shapes) {
      group.forEach(shape -> config.setCoercion(shape, CoercionAction.Fail));
    }
    config.setAcceptBlankAsEmpty(false);
  }

  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
    builder.configureMessageConvertersList(
        converters -> converters.removeIf(StrictJsonConfiguration::speaksAnotherFormat));
  }

  private static boolean speaksAnotherFormat(HttpMessageConverter<?> converter) {
    List<MediaType> types = converter.getSupportedMediaTypes();
    return !types.isEmpty()
        && types.stream()
            .allMatch(t -> OTHER_FORMATS.stream().anyMatch(f -> t.getSubtype().contains(f)));
  }
}
