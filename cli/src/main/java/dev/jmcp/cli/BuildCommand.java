package dev.jmcp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jmcp build --target T}: builds what the target deploys (for google-cloud-run, an OCI image; for cloudflare-workers, a Worker project folder). */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build an application for a target: for google-cloud-run an OCI image tarball (or a push) and service.yaml; "
                + "for cloudflare-workers a Worker project folder (WebAssembly, loader, wrangler.jsonc).")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "examples/notes",
            description = "The application folder (a Maven project with a jmcp.json). Default: ${DEFAULT-VALUE}")
    Path dir;

    @Option(names = "--target", required = true, description = "What to build for: google-cloud-run or cloudflare-workers")
    String target;

    @Option(names = "--push", paramLabel = "IMAGE",
            description = "Push the image to this registry reference (e.g. us-docker.pkg.dev/PROJECT/REPO/notes:1) instead of writing a tarball")
    String push;

    @Option(names = "--no-aot", description = "Leave out the AOT cache (no training run; a fully reproducible image)")
    boolean noAot;

    @Override
    public Integer call() {
        var builds = DeployTargets.require(target, DeployTarget.Builds.class, "build");
        var project = Project.load(dir);
        var cli = spec.commandLine();
        builds.build(project, new DeployTarget.BuildOptions(push, !noAot), cli.getOut(), cli.getErr());
        return ExitCode.OK;
    }
}
