package dev.jmcp.cli;

import dev.jmcp.McpServer;
import dev.jmcp.http.EndpointOptions;
import dev.jmcp.http.EnvironmentOptions;
import dev.jmcp.server.JvmPlatform;
import dev.jmcp.server.McpHttpServer;

import java.io.PrintWriter;
import java.util.List;

/** The plain JVM: the application runs inside the jmcp process, on Jetty. */
final class JvmTarget implements DeployTarget.Serves {
    static final String ID = "jvm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> check() {
        return List.of();
    }

    @Override
    public int serve(Project project, DevOptions options, PrintWriter out, PrintWriter err) {
        err.println("jmcp dev: building " + project.dir());
        err.flush();
        var application = project.instantiate(project.compile());
        var platform = new JvmPlatform(project.name());
        McpServer server = application.create(platform);
        var endpoint = EndpointOptions.builder()
                .mode(options.stateless() ? EndpointOptions.Mode.STATELESS : EndpointOptions.Mode.STATEFUL);
        String host = options.host();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) endpoint.allowAnyHost();
        try {
            EnvironmentOptions.apply(endpoint, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        McpHttpServer http = McpHttpServer.builder(server).host(host).port(options.port()).endpointOptions(endpoint.build())
                .stopOnSigterm().build();
        try {
            http.start();
        } catch (Exception e) {
            throw new Failure("cannot listen on " + host + ":" + options.port() + ": " + e.getMessage(), e);
        }
        DevCommand.printConnectionHelp(out, project, "", http.url());
        return -1;
    }
}
