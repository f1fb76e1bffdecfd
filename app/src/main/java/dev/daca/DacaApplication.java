package dev.daca;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one jar. Which platform it runs on, which broker and which store it uses are chosen by Spring profiles and
 * properties (see README: Configuration); with none, it runs the embedded default: an in-process Kafka broker, an H2
 * file database and the offline embedding engine.
 */
@SpringBootApplication
public class DacaApplication {

	public static void main(String[] args) {
		SpringApplication.run(DacaApplication.class, args);
	}
}
