package org.workspaceportal.web;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What every page's layout needs: the navigation entry to highlight and {@code @times}. */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new NavigationInterceptor());
  }

  @Bean
  PageTimes times(Clock clock) {
    return new PageTimes(clock);
  }
}
