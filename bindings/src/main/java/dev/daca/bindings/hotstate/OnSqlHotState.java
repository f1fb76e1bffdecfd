package dev.daca.bindings.hotstate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The default side of a hot-state seam: the application's database, unless {@code daca.hot-state.store=redis}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@ConditionalOnProperty(name = "daca.hot-state.store", havingValue = "sql", matchIfMissing = true)
public @interface OnSqlHotState {
}
