package dev.daca.bench;

import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.Message;

/**
 * The baseline of scripts/bench-throughput.sh, profile {@code bench} only: a bare Spring Cloud Stream function that
 * hands its input message on unchanged (bench.in → bench.out, application-bench.yml), on the same binder and with
 * the same binder settings as the pipeline, but no CloudEvent checks, no ledger, no domain function and no database.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class PassThrough {

	@Bean
	Function<Message<byte[]>, Message<byte[]>> passthrough() {
		return message -> message;
	}
}
