package dev.daca.bindings.http;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the functions exported over HTTP ({@code spring.cloud.function.http.post}) in the OpenAPI document at
 * {@code /v3/api-docs}: one {@code POST /fn/{name}} per function, its request and response schemas derived from the
 * function's own input and output record types, and the RFC 7807 problem response for bad input.
 */
@Configuration(proxyBeanMethods = false)
class FunctionsOpenApi {

	private static final Map<String, String> SUMMARY = Map.of("classify", "Moderate a post or comment", "diagnose",
			"Triage symptoms (not medical advice)", "recommend", "Recommend products for a shopper", "actuate",
			"Plan smart-home actions for a reading or command", "request-review",
			"Decide whether an outcome needs a person");

	@Bean
	OpenApiCustomizer functionsOpenApiCustomizer(FunctionCatalog catalog, @Value("${spring.cloud.function.web.path:}") String prefix,
			@Value("${spring.cloud.function.http.post:}") String exported) {
		return openApi -> {
			openApi.info(new Info().title("DACA functions")
				.version("v1")
				.description("Agentic functions over HTTP. Errors are application/problem+json (RFC 7807)."));
			Arrays.stream(exported.split("[;,]")).map(String::trim).filter(s -> !s.isEmpty()).forEach(name -> {
				FunctionInvocationWrapper function = catalog.lookup(name);
				if (function != null) {
					openApi.path(prefix + "/" + name, new PathItem().post(operation(openApi, name, function)));
				}
			});
		};
	}

	private static Operation operation(OpenAPI openApi, String name, FunctionInvocationWrapper function) {
		Schema<?> problem = new Schema<>().$ref("https://www.rfc-editor.org/rfc/rfc9457#name-members-of-a-problem-details");
		return new Operation().operationId(name.replace("-", "_"))
			.summary(SUMMARY.getOrDefault(name, name))
			.tags(java.util.List.of("functions"))
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/json",
						new MediaType().schema(schema(openApi, function.getInputType())))))
			.responses(new ApiResponses()
				.addApiResponse("200",
						new ApiResponse().description("the function's result")
							.content(new Content().addMediaType("application/json",
									new MediaType().schema(schema(openApi, function.getOutputType())))))
				.addApiResponse("400", new ApiResponse().description("bad input")
					.content(new Content().addMediaType("application/problem+json", new MediaType().schema(problem))))
				.addApiResponse("413", new ApiResponse().description("body too large")));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> schema(OpenAPI openApi, Type type) {
		ResolvedSchema resolved = ModelConverters.getInstance()
			.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
		if (resolved.referencedSchemas != null) {
			for (Map.Entry<String, Schema> entry : resolved.referencedSchemas.entrySet()) {
				openApi.schema(entry.getKey(), entry.getValue());
			}
		}
		return resolved.schema;
	}
}
