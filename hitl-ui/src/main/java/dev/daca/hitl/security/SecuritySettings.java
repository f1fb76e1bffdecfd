package dev.daca.hitl.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Who the reviewers are and which groups they work for: needed with or without a web server (a one-shot scheduled
 * run still knows its reviewers), unlike the filter chains of {@link SecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HitlSecurityProperties.class)
class SecuritySettings {
}
