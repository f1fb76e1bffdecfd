package dev.daca.workflows;

import io.dapr.spring.workflows.config.EnableDaprWorkflows;

import org.springframework.context.annotation.Configuration;

/**
 * Registers every {@code Workflow} and {@code WorkflowActivity} bean with the Dapr workflow runtime and starts the
 * worker, which connects to the sidecar's gRPC port ({@code dapr.client.grpc-port}). Only in the dapr-workflows mode.
 */
@Configuration(proxyBeanMethods = false)
@OnDaprWorkflows
@EnableDaprWorkflows
class DaprWorkflowsConfiguration {
}
