package dev.jmcp.workers;

/** Cryptographically secure random bytes; on Workers from WebCrypto ({@link CryptoRandom}). */
@FunctionalInterface
public interface RandomSource {
    void fill(byte[] into);
}
