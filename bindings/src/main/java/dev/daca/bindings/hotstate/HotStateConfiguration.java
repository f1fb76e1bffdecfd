package dev.daca.bindings.hotstate;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link HotStateProperties}; the seams themselves live with their features (schedule, shopper). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotStateProperties.class)
class HotStateConfiguration {
}
