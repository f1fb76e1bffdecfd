package dev.daca.functions;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The domain stays the domain: no transport, broker, Dapr or servlet type reaches it, and its packages do not cycle. */
@AnalyzeClasses(packages = "dev.daca.functions", importOptions = ImportOption.DoNotIncludeTests.class)
class FunctionsArchitectureTests {

	@ArchTest
	static final ArchRule functionsStayTransportFree = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.cloud.stream..", "org.springframework.kafka..",
				"org.springframework.amqp..", "org.apache.kafka..", "com.rabbitmq..", "io.dapr..",
				"org.springframework.web..", "jakarta.servlet..", "org.springframework.messaging..");

	@ArchTest
	static final ArchRule featuresDoNotCycle = slices().matching("dev.daca.functions.(*)..").should().beFreeOfCycles();
}
