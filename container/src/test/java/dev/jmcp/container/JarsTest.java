package dev.jmcp.container;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class JarsTest {
    @TempDir
    Path temp;

    @Test
    void native_libraries_for_other_platforms_are_foreign() {
        assertThat(Jars.isForeignNative("org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib")).isTrue();
        assertThat(Jars.isForeignNative("org/sqlite/native/Windows/x86_64/sqlitejdbc.dll")).isTrue();
        assertThat(Jars.isForeignNative("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so")).isTrue();
        assertThat(Jars.isForeignNative("org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so")).isTrue();
        assertThat(Jars.isForeignNative("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib")).isTrue();
        assertThat(Jars.isForeignNative("com/sun/jna/linux-aarch64/libjnidispatch.so")).isTrue();
    }

    @Test
    void linux_x86_64_libraries_and_everything_else_stay() {
        assertThat(Jars.isForeignNative("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so")).isFalse();
        assertThat(Jars.isForeignNative("com/sun/jna/linux-x86-64/libjnidispatch.so")).isFalse();
        assertThat(Jars.isForeignNative("org/sqlite/native/Mac/aarch64/README.txt")).as("not a library").isFalse();
        assertThat(Jars.isForeignNative("org/example/windows/Window.class")).isFalse();
    }

    @Test
    void a_jar_with_foreign_natives_is_copied_without_them() throws IOException {
        Path jar = jar("lib.jar", "org/sqlite/JDBC.class", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
                "org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib", "org/sqlite/native/Windows/x86/sqlitejdbc.dll");

        long saved = Jars.withoutForeignNatives(jar, temp.resolve("slim.jar"));

        assertThat(saved).isPositive();
        assertThat(names(temp.resolve("slim.jar"))).containsExactly("org/sqlite/JDBC.class", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
    }

    @Test
    void a_jar_without_them_is_left_alone() throws IOException {
        Path jar = jar("plain.jar", "a/B.class");

        assertThat(Jars.withoutForeignNatives(jar, temp.resolve("copy.jar"))).isEqualTo(-1);
        assertThat(temp.resolve("copy.jar")).doesNotExist();
    }

    @Test
    void a_class_folder_becomes_the_same_jar_every_time() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes/a"));
        Files.writeString(classes.resolve("B.class"), "b");
        Files.writeString(classes.resolve("A.class"), "a");

        Jars.jarFolder(temp.resolve("classes"), temp.resolve("one.jar"));
        Files.setLastModifiedTime(classes.resolve("A.class"), java.nio.file.attribute.FileTime.fromMillis(0));
        Jars.jarFolder(temp.resolve("classes"), temp.resolve("two.jar"));

        assertThat(Files.readAllBytes(temp.resolve("one.jar"))).isEqualTo(Files.readAllBytes(temp.resolve("two.jar")));
        assertThat(names(temp.resolve("one.jar"))).containsExactly("a/A.class", "a/B.class");
    }

    private Path jar(String name, String... entries) throws IOException {
        Path jar = temp.resolve(name);
        try (var zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(new byte[1000]);
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static java.util.List<String> names(Path jar) throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }
}
