package dev.jmcp.workers.substitutes;

import org.teavm.extension.spi.substitution.SimpleSubstitutionPolicy;
import org.teavm.extension.spi.substitution.SubstitutionSink;

/**
 * Tells TeaVM which core classes the Workers build compiles from this package instead: each named class is replaced
 * by the class of the same simple name here. TeaVM finds this policy through {@code META-INF/services}, as it finds
 * its own class library's, and quietly keeps the core class when the substitute is missing, so
 * {@code TeaVmSubstitutionsTest} checks that the policy is registered and that each substitute matches its original.
 * Only classes whose JVM form is right on the JVM but costly under TeaVM belong here, and each substitute must behave
 * exactly as the class it replaces.
 */
public final class TeaVmSubstitutions extends SimpleSubstitutionPolicy {
    @Override
    public void contribute(SubstitutionSink sink) {
        sink.selectClasses(named("dev.jmcp.json.Decode"))
                .replacePackage("dev.jmcp.json", "dev.jmcp.workers.substitutes");
    }
}
