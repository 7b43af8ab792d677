package dev.jmcp.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to build: one jmcp application as a container image.
 *
 * @param appName          the application's name (lower-case letters, digits, '-'), as in its {@code jmcp.json}
 * @param applicationClass its {@code McpApplication} class
 * @param classpath        its runtime class path: its classes (a folder or a jar) first, then its dependencies;
 *                         jmcp's server and its dependencies are added by the builder
 * @param jdkHome          the JDK 25+ whose jlink, jdeps and java build the image's runtime and train its AOT cache
 * @param workDir          a folder the builder owns (staging, the image tarball, logs), e.g. {@code target/jmcp/...}
 * @param cacheDir         where jlinked runtimes and AOT caches are kept between builds, keyed by their inputs
 * @param imageName        the image's name in the tarball, e.g. {@code localhost/jmcp/notes:latest}
 * @param pushTo           a registry reference to push to instead of writing a tarball, or null
 * @param aot              whether to train and ship a JDK AOT cache
 * @param progress         receives one line per step, for the user
 */
public record ImageSpec(String appName, String applicationClass, List<Path> classpath, Path jdkHome, Path workDir,
                        Path cacheDir, String imageName, String pushTo, boolean aot, Consumer<String> progress) {
    public ImageSpec {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(applicationClass, "applicationClass");
        classpath = List.copyOf(classpath);
        if (classpath.isEmpty()) throw new IllegalArgumentException("classpath is empty; it must start with the application's classes");
        Objects.requireNonNull(jdkHome, "jdkHome");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(progress, "progress");
    }

    /** The tarball the build writes when nothing is pushed. */
    public Path tarball() {
        return workDir.resolve("image.tar");
    }
}
