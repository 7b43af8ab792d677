package dev.jmcp.cli;

import dev.jmcp.McpApplication;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonObject;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A jmcp application folder: a Maven project with a {@code jmcp.json} that names its {@link McpApplication}
 * class, e.g. {@code {"name": "notes", "application": "dev.jmcp.examples.notes.NotesApp"}}. Targets read their own
 * sections of it from {@code settings} (e.g. {@code "googleCloudRun": {"maxInstances": 5}}).
 */
record Project(Path dir, String name, String applicationClass, JsonObject settings) {

    static Project load(Path dir) {
        if (!Files.isDirectory(dir)) throw new UsageError(dir + " is not a folder; pass an application folder such as examples/notes");
        Path descriptor = dir.resolve("jmcp.json");
        if (!Files.isRegularFile(descriptor)) {
            throw new UsageError(dir + " has no jmcp.json; create one like {\"name\": \"notes\", \"application\": \"com.example.NotesApp\"}");
        }
        JsonObject json;
        try {
            json = Json.parse(Files.readAllBytes(descriptor)).asObject();
        } catch (IOException e) {
            throw new Failure("cannot read " + descriptor + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageError(descriptor + " is not valid: " + e.getMessage());
        }
        try {
            String name = json.string("name");
            String application = json.string("application");
            if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new UsageError(descriptor + ": \"name\" must be lower-case letters, digits and '-', got \"" + name + "\"");
            }
            return new Project(dir.toAbsolutePath().normalize(), name, application, json);
        } catch (IllegalArgumentException e) {
            throw new UsageError(descriptor + " is not valid: " + e.getMessage());
        }
    }

    /** Compiles the project with Maven and answers its runtime class path (its classes first). */
    List<Path> compile() {
        Path classpathFile = dir.resolve("target/jmcp.classpath");
        var command = List.of(maven(), "-B", "-q", "-f", dir.resolve("pom.xml").toString(), "compile",
                "dependency:build-classpath", "-Dmdep.outputFile=" + classpathFile, "-DincludeScope=runtime");
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new Failure("building " + dir + " took longer than 10 minutes; stopped it");
            }
            if (process.exitValue() != 0) throw new Failure("building " + dir + " failed (mvn exit " + process.exitValue() + "); see the output above");
            var classpath = new ArrayList<Path>();
            classpath.add(dir.resolve("target/classes"));
            for (String entry : Files.readString(classpathFile, StandardCharsets.UTF_8).trim().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) classpath.add(Path.of(entry));
            }
            return classpath;
        } catch (IOException e) {
            throw new Failure("cannot run Maven to build " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while building " + dir);
        }
    }

    /** Loads the application class from a class path and creates it. */
    McpApplication instantiate(List<Path> classpath) {
        var urls = new URL[classpath.size()];
        try {
            for (int i = 0; i < urls.length; i++) urls[i] = classpath.get(i).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new Failure("bad class path entry: " + e.getMessage());
        }
        var loader = new URLClassLoader(urls, McpApplication.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class<?> type = Class.forName(applicationClass, true, loader);
            if (!McpApplication.class.isAssignableFrom(type)) {
                throw new UsageError(applicationClass + " (named in " + dir.resolve("jmcp.json") + ") does not implement dev.jmcp.McpApplication");
            }
            return (McpApplication) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new UsageError("class " + applicationClass + " (named in " + dir.resolve("jmcp.json") + ") was not found after building");
        } catch (NoSuchMethodException e) {
            throw new UsageError(applicationClass + " needs a public no-argument constructor");
        } catch (ReflectiveOperationException e) {
            throw new Failure("cannot create " + applicationClass + ": " + e, e);
        }
    }

    private static String maven() {
        String fromEnv = System.getenv("JMCP_MVN");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "mvn";
    }
}
