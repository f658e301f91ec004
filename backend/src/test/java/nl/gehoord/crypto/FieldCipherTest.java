package nl.gehoord.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTest {
    @TempDir
    Path dir;

    @Test
    void sealsAndOpensWithTheOwnerBoundIn() {
        FieldCipher cipher = new FieldCipher(KeyRing.loadOrCreate(dir.resolve("keys.json"), new SecureRandom()), new SecureRandom());
        String sealed = cipher.seal("Ik voel me niet veilig", "case-1", "story");
        assertThat(sealed).startsWith("v2.k1.").doesNotContain("veilig");
        assertThat(cipher.open(sealed, "case-1", "story")).isEqualTo("Ik voel me niet veilig");
        assertThat(cipher.seal("zelfde", "case-1", "story")).as("a fresh nonce every time")
                .isNotEqualTo(cipher.seal("zelfde", "case-1", "story"));
        assertThatThrownBy(() -> cipher.open(sealed, "case-2", "story")).as("moved to another case")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "case-1", "message")).as("moved to another field")
                .isInstanceOf(IllegalStateException.class);
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.open(tampered, "case-1", "story")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.seal(null, "case-1", "story")).isNull();
    }

    @Test
    void oldRowsStayReadableAfterRotation() {
        Path file = dir.resolve("keys.json");
        SecureRandom random = new SecureRandom();
        String old = new FieldCipher(KeyRing.loadOrCreate(file, random), random).seal("oud", "c", "story");
        assertThat(KeyRing.rotate(file, random)).isEqualTo("k2");
        FieldCipher rotated = new FieldCipher(KeyRing.loadOrCreate(file, random), random);
        assertThat(rotated.activeKeyId()).isEqualTo("k2");
        assertThat(FieldCipher.keyIdOf(rotated.seal("nieuw", "c", "story"))).isEqualTo("k2");
        assertThat(rotated.open(old, "c", "story")).isEqualTo("oud");
    }

    @Test
    void theKeyFileIsCreatedForTheOwnerOnlyAndKeptAcrossStarts() throws IOException {
        Path file = dir.resolve("sub/keys.json");
        KeyRing first = KeyRing.loadOrCreate(file, new SecureRandom());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        KeyRing second = KeyRing.loadOrCreate(file, new SecureRandom());
        assertThat(second.activeKey().getEncoded()).isEqualTo(first.activeKey().getEncoded());
        assertThat(second.hmacSecret()).isEqualTo(first.hmacSecret());
    }

    @Test
    void aBrokenKeyFileIsSaidPlainly() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[1,2,3]");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeyRing.loadOrCreate(file, new SecureRandom())).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("not a Gehoord key file");
        Files.writeString(file, "{\"active\":\"k9\",\"keys\":{\"k1\":\"AAAA\"},\"hmacSecret\":\"AAAA\"}");
        assertThatThrownBy(() -> KeyRing.loadOrCreate(file, new SecureRandom())).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("not 256 bits");
    }

    @Test
    void aRowBoundValueCannotBeMovedToAnotherRowOrAuthor() {
        FieldCipher cipher = new FieldCipher(KeyRing.loadOrCreate(dir.resolve("keys.json"), new SecureRandom()),
                new SecureRandom());
        String sealed = cipher.seal("Ik durf het niet te zeggen", "case-1", "message", "m1", "young_person", null);
        assertThat(cipher.open(sealed, "case-1", "message", "m1", "young_person", null))
                .isEqualTo("Ik durf het niet te zeggen");
        assertThatThrownBy(() -> cipher.open(sealed, "case-1", "message", "m2", "young_person", null))
                .as("moved to another message of the same case").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "case-1", "message", "m1", "trust_person", "staff-1"))
                .as("made to look like the other side's").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "case-1", "message"))
                .as("opened without its row").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnboundOldValueOpensOnlyWhereNoRowIsAskedFor() throws Exception {
        KeyRing keys = KeyRing.loadOrCreate(dir.resolve("keys.json"), new SecureRandom());
        FieldCipher cipher = new FieldCipher(keys, new SecureRandom());
        String v1 = sealV1(keys, "oud bericht", "gehoord:v1:case-1:message");
        assertThat(cipher.open(v1, "case-1", "message")).isEqualTo("oud bericht");
        assertThatThrownBy(() -> cipher.open(v1, "case-1", "message", "m1", "young_person", null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStoredLengthDoesNotGiveAwayTheLengthOfTheText() {
        FieldCipher cipher = new FieldCipher(KeyRing.loadOrCreate(dir.resolve("keys.json"), new SecureRandom()),
                new SecureRandom());
        String shortPhone = cipher.seal("{\"phone\":\"0612\"}", "case-1", "contact");
        String longPhone = cipher.seal("{\"phone\":\"+31 6 12345678\",\"name\":\"Sam\"}", "case-1", "contact");
        assertThat(shortPhone).hasSameSizeAs(longPhone);
        assertThat(cipher.open(longPhone, "case-1", "contact")).contains("Sam");
        assertThat(cipher.open(cipher.seal("", "c", "story"), "c", "story")).isEmpty();
        String exact = "x".repeat(FieldCipher.PAD);
        assertThat(cipher.open(cipher.seal(exact, "c", "story"), "c", "story")).isEqualTo(exact);
    }

    /** A value as the previous format made it: no padding, only owner and field bound. */
    static String sealV1(KeyRing keys, String plain, String aad) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, keys.activeKey(), new javax.crypto.spec.GCMParameterSpec(128, nonce));
        c.updateAAD(aad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] sealed = c.doFinal(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] out = java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        return "v1." + keys.activeKeyId() + "." + java.util.Base64.getEncoder().encodeToString(out);
    }

    @Test
    void secretsAreHashedNotStored() {
        SecretHasher hasher = new SecretHasher(KeyRing.loadOrCreate(dir.resolve("keys.json"), new SecureRandom()));
        assertThat(SecretHasher.sha256("gd_token")).hasSize(64).doesNotContain("token");
        assertThat(hasher.hmac("ABCDE-FGHJK-MNPQR")).hasSize(64).isNotEqualTo(SecretHasher.sha256("ABCDE-FGHJK-MNPQR"));
        SecretHasher otherServer = new SecretHasher(KeyRing.loadOrCreate(dir.resolve("other.json"), new SecureRandom()));
        assertThat(otherServer.hmac("ABCDE-FGHJK-MNPQR")).as("keyed per server").isNotEqualTo(hasher.hmac("ABCDE-FGHJK-MNPQR"));
        assertThat(SecretHasher.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(SecretHasher.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(SecretHasher.constantTimeEquals(null, "abd")).isFalse();
    }
}
