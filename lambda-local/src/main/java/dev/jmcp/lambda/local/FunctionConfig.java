package dev.jmcp.lambda.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function as Lambda's configuration describes it: what to start in each execution environment ({@code command},
 * the runtime's bootstrap, run in {@code taskRoot}) and the limits Lambda enforces around it.
 *
 * @param name            the function name ({@code AWS_LAMBDA_FUNCTION_NAME}, part of the ARN)
 * @param handler         {@code _HANDLER}, e.g. {@code dev.jmcp.lambda.McpRequestHandler::handleRequest}
 * @param taskRoot        the unpacked deployment package ({@code LAMBDA_TASK_ROOT}, the working directory)
 * @param command         the runtime process: for the managed Java runtime {@code java ... AWSLambda <handler>}, for a
 *                        custom runtime {@code <taskRoot>/bootstrap}
 * @param environment     the function's own environment variables, on top of those Lambda sets
 * @param memoryMb        {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}; instances whose memory grows past it are killed
 * @param timeout         the function timeout (Lambda: 1 s to 900 s, default 3 s)
 * @param initTimeout     how long the init phase may take (Lambda: 10 s for on-demand functions)
 * @param maxConcurrency  the most instances at once (reserved concurrency); one more concurrent request is throttled
 * @param region          {@code AWS_REGION}
 * @param invokeMode      how the Function URL front returns results: {@code BUFFERED} or {@code RESPONSE_STREAM}
 * @param executionEnv    {@code AWS_EXECUTION_ENV}, e.g. {@code AWS_Lambda_java21}; null for a custom runtime
 */
public record FunctionConfig(String name, String handler, Path taskRoot, List<String> command, Map<String, String> environment,
                             int memoryMb, Duration timeout, Duration initTimeout, int maxConcurrency, String region,
                             InvokeMode invokeMode, String executionEnv) {

    /** Function URL invoke modes (AWS::Lambda::Url InvokeMode). */
    public enum InvokeMode { BUFFERED, RESPONSE_STREAM }

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-zA-Z0-9-_]{1,64}")) {
            throw new IllegalArgumentException("function name must be 1 to 64 letters, digits, '-' or '_' (Lambda's rule), got \"" + name + "\"");
        }
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(taskRoot, "taskRoot");
        command = List.copyOf(command);
        if (command.isEmpty()) throw new IllegalArgumentException("command must name the runtime process to start");
        environment = Map.copyOf(environment);
        if (memoryMb < 128 || memoryMb > 10240) throw new IllegalArgumentException("memoryMb must be 128 to 10240 (Lambda's range), got " + memoryMb);
        if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofSeconds(900)) > 0) {
            throw new IllegalArgumentException("timeout must be 1 ms to 900 s (Lambda's range), got " + timeout);
        }
        if (initTimeout.isNegative() || initTimeout.isZero()) throw new IllegalArgumentException("initTimeout must be positive, got " + initTimeout);
        if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(invokeMode, "invokeMode");
    }

    /** A function with Lambda's defaults: 512 MB, 30 s timeout, 10 s init, 10 instances, us-east-1, buffered. */
    public static FunctionConfig of(String name, String handler, Path taskRoot, List<String> command) {
        return new FunctionConfig(name, handler, taskRoot, command, Map.of(), 512, Duration.ofSeconds(30), Duration.ofSeconds(10), 10,
                "us-east-1", InvokeMode.BUFFERED, null);
    }

    public FunctionConfig withEnvironment(Map<String, String> more) {
        var env = new LinkedHashMap<>(environment);
        env.putAll(more);
        return new FunctionConfig(name, handler, taskRoot, command, env, memoryMb, timeout, initTimeout, maxConcurrency, region, invokeMode, executionEnv);
    }

    public FunctionConfig withMemoryMb(int mb) {
        return new FunctionConfig(name, handler, taskRoot, command, environment, mb, timeout, initTimeout, maxConcurrency, region, invokeMode, executionEnv);
    }

    public FunctionConfig withTimeout(Duration value) {
        return new FunctionConfig(name, handler, taskRoot, command, environment, memoryMb, value, initTimeout, maxConcurrency, region, invokeMode, executionEnv);
    }

    public FunctionConfig withInitTimeout(Duration value) {
        return new FunctionConfig(name, handler, taskRoot, command, environment, memoryMb, timeout, value, maxConcurrency, region, invokeMode, executionEnv);
    }

    public FunctionConfig withMaxConcurrency(int value) {
        return new FunctionConfig(name, handler, taskRoot, command, environment, memoryMb, timeout, initTimeout, value, region, invokeMode, executionEnv);
    }

    public FunctionConfig withInvokeMode(InvokeMode value) {
        return new FunctionConfig(name, handler, taskRoot, command, environment, memoryMb, timeout, initTimeout, maxConcurrency, region, value, executionEnv);
    }

    public FunctionConfig withExecutionEnv(String value) {
        return new FunctionConfig(name, handler, taskRoot, command, environment, memoryMb, timeout, initTimeout, maxConcurrency, region, invokeMode, value);
    }

    /** The ARN the Runtime API hands the runtime ({@code Lambda-Runtime-Invoked-Function-Arn}); account 000000000000. */
    public String arn() {
        return "arn:aws:lambda:" + region + ":000000000000:function:" + name;
    }
}
