package org.workspaceportal.dockerruntime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the Hosts page says about the workers' scratch space (Spark's shuffle and spill): which
 * volume driver makes it and whether its options give it a size. The default {@code local} driver
 * has no size option on an ordinary file system, so a worker's shuffle can fill a host's disk; the
 * page says so and where to change it, rather than letting an admin assume a limit that is not
 * there.
 */
@Configuration(proxyBeanMethods = false)
class ScratchSpaceNote implements WebMvcConfigurer, HandlerInterceptor {

  /**
   * @param sized whether the driver's options name a size ({@code size=…}, or {@code o=size=…} for
   *     the local driver's tmpfs)
   */
  record Note(String driver, Map<String, String> options, boolean sized) {}

  private final Note note;

  /** Without the runtime's settings (a page test's slice) there is nothing to say. */
  ScratchSpaceNote(ObjectProvider<DockerRuntimeProperties> settings) {
    DockerRuntimeProperties properties = settings.getIfAvailable();
    this.note =
        properties == null
            ? null
            : of(properties.scratchVolumeDriver(), properties.scratchVolumeOptions());
  }

  static Note of(String driver, Map<String, String> options) {
    boolean sized =
        options.entrySet().stream()
            .anyMatch(
                e ->
                    e.getKey().equalsIgnoreCase("size")
                        || String.valueOf(e.getValue()).toLowerCase().contains("size="));
    return new Note(driver, Map.copyOf(options), sized);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/admin/hosts");
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
    if (note != null && mav != null && "admin/hosts".equals(mav.getViewName())) {
      mav.addObject("scratchSpace", note);
    }
  }
}
