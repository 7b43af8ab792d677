package dev.jmcp.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Where an application runs: the plain JVM, or a platform such as Cloud Run. A target implements only the verbs it
 * really supports, as the nested capability interfaces; asking a target for a verb it lacks is a usage error (exit
 * 2) that names the target and the targets that have the verb. There are no placeholder targets.
 */
interface DeployTarget {

    /** The id given to {@code --target}, e.g. {@code google-cloud-run}. */
    String id();

    /** What is missing on this machine for this target, each with the command that fixes it; empty when ready. */
    List<String> check();

    /** A target that builds an artifact (an image, a bundle) from an application: {@code jmcp build}. */
    interface Builds extends DeployTarget {
        /** Builds; progress to {@code err}, the result (paths, sizes, digests) to {@code out}. */
        void build(Project project, BuildOptions options, PrintWriter out, PrintWriter err);
    }

    /** A target that serves an application on this machine as the platform would: {@code jmcp dev}. */
    interface Serves extends DeployTarget {
        /**
         * Serves until stopped; the first line on {@code out} is {@code jmcp dev: serving NAME (...) at URL}. Answers
         * the exit code, or -1 when serving goes on in the background after returning (the JVM target).
         */
        int serve(Project project, DevOptions options, PrintWriter out, PrintWriter err);
    }

    /** {@code jmcp build}'s options. */
    record BuildOptions(String pushTo, boolean aot) {
    }

    /**
     * {@code jmcp dev}'s options. {@code way} and {@code env} are for targets that run a function (aws-lambda: which
     * runtime, and the function's environment variables); other targets ignore them.
     */
    record DevOptions(String host, int port, boolean stateless, String way, java.util.Map<String, String> env) {
        public DevOptions {
            env = java.util.Map.copyOf(env);
        }

        DevOptions(String host, int port, boolean stateless) {
            this(host, port, stateless, null, java.util.Map.of());
        }
    }
}
