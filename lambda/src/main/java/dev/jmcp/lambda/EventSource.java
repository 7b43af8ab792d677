package dev.jmcp.lambda;

/** Where an HTTP event came from; each source wants its response in its own shape. */
public enum EventSource {
    /** A Lambda Function URL or an API Gateway HTTP API with payload format 2.0. */
    HTTP_V2,
    /** An API Gateway REST API proxy integration, or an HTTP API with payload format 1.0. */
    API_GATEWAY_V1,
    /** An Application Load Balancer target group. */
    ALB
}
