package dev.jmcp.cli;

import dev.jmcp.container.ImageBuildException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * AWS Lambda: two deployment zips from one application (see {@link LambdaPackager} and lambda/README.md), the
 * managed Java runtime's (handler {@value LambdaPackager#HANDLER}) and a custom runtime's ({@code provided.al2023},
 * a bundled JRE with an AOT cache running jmcp's own Runtime API client).
 */
final class AwsLambdaTarget implements DeployTarget.Builds, DeployTarget.Serves {
    static final String ID = "aws-lambda";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> check() {
        return HostJdk.problems("the custom runtime's JRE and AOT cache",
                "the custom runtime bundles this machine's JDK, so it must be Linux x86-64 (Lambda's x86_64 architecture)");
    }

    @Override
    public void build(Project project, BuildOptions options, PrintWriter out, PrintWriter err) {
        List<String> problems = check();
        boolean custom = problems.isEmpty();
        if (!custom) err.println("jmcp: building only the managed-runtime zip: " + String.join("; ", problems));
        err.println("jmcp: building " + project.dir() + " for " + ID);
        err.flush();
        List<Path> classpath = project.compile();
        Path work = project.dir().resolve("target/jmcp").resolve(ID);
        var packager = new LambdaPackager(project, work, CloudRunTarget.cacheDir(), line -> {
            err.println("jmcp: " + line);
            err.flush();
        });
        long start = System.nanoTime();
        LambdaPackager.Result result;
        try {
            result = packager.build(classpath, custom, options.aot());
        } catch (IOException | ImageBuildException e) {
            throw new Failure("building the Lambda packages failed: " + e.getMessage(), e);
        }
        err.println("jmcp: packages built in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        err.flush();
        out.println("managed: " + result.managed().zip() + " (" + mb(result.managed().zipBytes()) + " MB zip, "
                + mb(result.managed().unpackedBytes()) + " MB unpacked); runtime java21 or java25, handler " + LambdaPackager.HANDLER);
        if (result.custom() != null) {
            out.println("custom: " + result.custom().zip() + " (" + mb(result.custom().zipBytes()) + " MB zip, "
                    + mb(result.custom().unpackedBytes()) + " MB unpacked: JRE " + mb(result.jreBytes()) + " MB, AOT cache "
                    + (result.aotBytes() == 0 ? "none" : mb(result.aotBytes()) + " MB") + "); runtime provided.al2023, handler bootstrap");
        }
        out.println("jmcp's share: " + mb(result.ourShareBytes()) + " MB unpacked, " + mb(result.ourShareCompressedBytes())
                + " MB in the zip (jmcp-core, jmcp-server without Jetty, jmcp-lambda, aws-lambda-java-core, crac"
                + (result.custom() != null ? ", bootstrap" : "") + "; goal <= 3 MB)");
        out.flush();
    }

    /** Serves the packages in a local Lambda: see {@link AwsLambdaDev}. */
    @Override
    public int serve(Project project, DevOptions options, PrintWriter out, PrintWriter err) {
        return new AwsLambdaDev(this).serve(project, options, out, err);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_000_000.0);
    }
}
