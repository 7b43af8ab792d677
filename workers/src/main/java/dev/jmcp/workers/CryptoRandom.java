package dev.jmcp.workers;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * WebCrypto's {@code crypto.getRandomValues}, which is synchronous, unlike {@code crypto.subtle}. TeaVM's
 * {@code SecureRandom} is not used because nothing says what backs it on wasm. Workers refuse random values at
 * global scope, so this may only be called while a request is handled.
 */
public final class CryptoRandom implements RandomSource {
    private static final int MAX_PER_CALL = 65536; // getRandomValues refuses more

    @Override
    public void fill(byte[] into) {
        for (int off = 0; off < into.length; off += MAX_PER_CALL) {
            int n = Math.min(MAX_PER_CALL, into.length - off);
            byte[] chunk = getRandomValues(n).copyToJavaArray();
            System.arraycopy(chunk, 0, into, off, n);
        }
    }

    @JSBody(params = "n", script = "return crypto.getRandomValues(new Int8Array(n));")
    private static native Int8Array getRandomValues(int n);
}
