package dev.daca.bindings.hotstate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The Redis side of a hot-state seam: active when {@code daca.hot-state.store=redis} (the {@code redis} profile). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@ConditionalOnProperty(name = "daca.hot-state.store", havingValue = "redis")
public @interface OnRedisHotState {
}
