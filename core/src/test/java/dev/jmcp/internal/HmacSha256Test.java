package dev.jmcp.internal;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HmacSha256Test {
    static final HexFormat HEX = HexFormat.of();

    @Test
    void matchesTheRfc4231Vectors() {
        assertThat(mac("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265"))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(mac(HEX.formatHex("Jefe".getBytes(StandardCharsets.US_ASCII)),
                HEX.formatHex("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        // test case 6: a key longer than the block size is hashed first
        assertThat(mac("aa".repeat(131), HEX.formatHex("Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void agreesWithTheJdkOnRandomKeysAndMessagesOfEveryLengthAroundTheBlockSize() throws Exception {
        var random = new Random(42);
        for (int length = 0; length < 300; length++) {
            byte[] key = new byte[1 + random.nextInt(100)];
            byte[] message = new byte[length];
            random.nextBytes(key);
            random.nextBytes(message);
            var jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(key, "HmacSHA256"));
            assertThat(new HmacSha256(key).mac(message)).as("length %d", length).isEqualTo(jdk.doFinal(message));
            assertThat(HmacSha256.sha256(message, 0, message.length)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(message));
        }
    }

    @Test
    void equalComparesWholeArrays() {
        assertThat(HmacSha256.equal(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(HmacSha256.equal(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(HmacSha256.equal(new byte[] {1, 2}, new byte[] {1})).isFalse();
    }

    static String mac(String keyHex, String messageHex) {
        return HEX.formatHex(new HmacSha256(HEX.parseHex(keyHex)).mac(HEX.parseHex(messageHex)));
    }
}
