package dev.daca.hitl;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The inbox's timers: escalation of overdue requests, the decision outbox relay, the retention purge. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HitlConfiguration {
}
