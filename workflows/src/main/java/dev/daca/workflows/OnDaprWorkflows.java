package dev.daca.workflows;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A bean that exists only in the dapr-workflows mode ({@code daca.workflows.enabled=true}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = WorkflowMode.PROPERTY, havingValue = "true")
public @interface OnDaprWorkflows {
}
