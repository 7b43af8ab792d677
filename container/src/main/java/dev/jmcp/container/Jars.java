package dev.jmcp.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Jars for the image: an application's class folder as a jar (the JDK's AOT cache only takes jars on the class path),
 * and dependency jars without native libraries for other platforms. Both are byte-for-byte the same for the same
 * input: entries in a fixed order with a fixed time.
 */
public final class Jars {
    static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01, the earliest zip time

    private static final Set<String> NATIVE_SUFFIXES = Set.of(".so", ".dll", ".dylib", ".jnilib");
    private static final Set<String> FOREIGN_SEGMENTS = Set.of(
            "windows", "win", "win32", "win64", "mac", "macos", "osx", "darwin", "freebsd", "openbsd", "netbsd",
            "android", "linux-android", "linux-musl", "musl", "aix", "sunos", "solaris",
            "aarch64", "arm64", "arm", "armv5", "armv6", "armv7", "armhf", "armel", "x86", "i386", "i686", "ppc",
            "ppc64", "ppc64le", "s390x", "riscv64", "loongarch64", "mips64", "mips64el");

    private Jars() {
    }

    /** Writes the folder's files into a jar with sorted entries and a fixed time. */
    public static void jarFolder(Path folder, Path jar) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); var zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                var entry = new ZipEntry(name);
                entry.setLastModifiedTime(FIXED_TIME);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    /**
     * Whether a jar entry is a native library built for another OS or CPU than linux/x86-64 with glibc, judged by a
     * path segment that names one, as sqlite-jdbc ({@code org/sqlite/native/Mac/aarch64/...}) and JNA
     * ({@code com/sun/jna/darwin-aarch64/...}) lay them out.
     */
    static boolean isForeignNative(String entryName) {
        String lower = entryName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0 || !NATIVE_SUFFIXES.contains(lower.substring(dot))) return false;
        String[] segments = lower.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            String segment = segments[i];
            if (FOREIGN_SEGMENTS.contains(segment)) return true;
            int dash = segment.indexOf('-');
            if (dash > 0) {   // JNA style: os-arch
                String os = segment.substring(0, dash);
                String arch = segment.substring(dash + 1);
                if (FOREIGN_SEGMENTS.contains(os)) return true;
                if (os.equals("linux") && !Set.of("x86-64", "x86_64", "amd64").contains(arch)) return true;
            }
        }
        return false;
    }

    /**
     * Copies {@code jar} to {@code target}, leaving out native libraries for other platforms; answers the bytes
     * saved, or -1 when the jar has none (then nothing is written and the original should be used as it is).
     */
    public static long withoutForeignNatives(Path jar, Path target) throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            var dropped = new ArrayList<ZipEntry>();
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                if (isForeignNative(e.getName())) dropped.add(e);
            }
            if (dropped.isEmpty()) return -1;
            if (zip.getEntry(JarFile.MANIFEST_NAME) != null && signed(zip)) return -1;   // rewriting would break the signature
            try (OutputStream out = Files.newOutputStream(target); var copy = new ZipOutputStream(out)) {
                for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry e = entries.nextElement();
                    if (isForeignNative(e.getName())) continue;
                    var entry = new ZipEntry(e.getName());
                    entry.setLastModifiedTime(e.getLastModifiedTime() != null ? e.getLastModifiedTime() : FIXED_TIME);
                    copy.putNextEntry(entry);
                    try (InputStream in = zip.getInputStream(e)) {
                        in.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
            return Files.size(jar) - Files.size(target);
        }
    }

    private static boolean signed(ZipFile zip) {
        for (var entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName().toUpperCase(Locale.ROOT);
            if (name.startsWith("META-INF/") && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".EC") || name.endsWith(".DSA"))) {
                return true;
            }
        }
        return false;
    }
}
