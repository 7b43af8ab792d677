package dev.jmcp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks for targets that ship pieces of the JDK jmcp runs on (a jlinked runtime, an AOT cache) and of this machine:
 * those need JDK 25 or newer on Linux x86-64.
 */
final class HostJdk {
    private HostJdk() {
    }

    /**
     * @param shipped  what is made from the JDK, e.g. "the image's runtime and AOT cache"
     * @param platform why the machine must be Linux x86-64, e.g. "images are built from this machine's JDK and glibc"
     *                 and the platform it must match, e.g. "Cloud Run's platform"
     */
    static List<String> problems(String shipped, String platform) {
        var problems = new ArrayList<String>();
        if (Runtime.version().feature() < 25) {
            problems.add(shipped + " are made from the JDK jmcp runs on, which is " + Runtime.version()
                    + "; run jmcp on a JDK 25 or newer (set JAVA_HOME)");
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            problems.add(platform + ", not " + os + "/" + arch);
        }
        return problems;
    }
}
