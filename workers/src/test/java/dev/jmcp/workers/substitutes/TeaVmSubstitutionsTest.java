package dev.jmcp.workers.substitutes;

import org.junit.jupiter.api.Test;
import org.teavm.extension.spi.substitution.SubstitutionPolicy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class TeaVmSubstitutionsTest {
    /**
     * TeaVM swaps the classes by name, so a core class renamed or given a new method would silently lose its substitute
     * (the first) or fail only in the Workers build (the second): both show here first.
     */
    @Test
    void theSubstituteDeclaresTheSameStaticMethodsAsTheCoreClassItReplaces() throws Exception {
        assertThat(signatures(Decode.class)).isEqualTo(signatures(Class.forName("dev.jmcp.json.Decode")));
    }

    @Test
    void teaVmFindsThePolicyAsAService() {
        assertThat(ServiceLoader.load(SubstitutionPolicy.class).stream().map(ServiceLoader.Provider::type))
                .contains(TeaVmSubstitutions.class);
    }

    @Test
    void latin1MakesTheSameStringsAsTheJvmConstructorCoreUses() {
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) every[i] = (byte) i;
        for (int from = 0; from < every.length; from += 37) {
            for (int length : new int[]{0, 1, 7, every.length - from}) {
                assertThat(Decode.latin1(every, from, length))
                        .isEqualTo(new String(every, from, length, StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** Core decodes only the UTF-8 it wrote, which is valid: strings of random code points from every plane. */
    @Test
    void utf8DecodesValidUtf8AsTheJvmDecoderCoreUsesDoes() {
        var random = new Random(20261128);
        int[] planes = {0x80, 0x800, 0xD800, 0x10000, 0x110000}; // 1-, 2-, 3-byte (below the surrogates) and 4-byte
        for (int round = 0; round < 20_000; round++) {
            var text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                int cp = random.nextInt(planes[random.nextInt(planes.length)]);
                if (cp >= 0xD800 && cp < 0xE000) cp = 0xE000 + random.nextInt(0x2000); // no lone surrogates in valid text
                text.appendCodePoint(cp);
            }
            byte[] utf8 = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
            assertThat(Decode.utf8(utf8, 1, utf8.length - 2)).isEqualTo(text.toString());
        }
    }

    private static Set<String> signatures(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                out.add(m.getReturnType().getName() + " " + m.getName() + Arrays.toString(m.getParameterTypes()));
            }
        }
        return out;
    }
}
