package nl.gehoord.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts free text at rest with AES-256-GCM. The owning record's id and the field name are bound as
 * associated data, so a ciphertext copied to another case or field fails to decrypt.
 * Sealed form: {@code v1.<keyId>.<base64(nonce || ciphertext+tag)>}.
 */
public final class FieldCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random;

    public FieldCipher(KeyRing keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    public String activeKeyId() {
        return keys.activeKeyId();
    }

    public String seal(String plaintext, String ownerId, String field) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            KeyRing.Active active = keys.active();
            cipher.init(Cipher.ENCRYPT_MODE, active.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(ownerId, field));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return "v1." + active.id() + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(String sealed, String ownerId, String field) {
        if (sealed == null) {
            return null;
        }
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("unknown sealed format");
        }
        byte[] raw = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.key(parts[1]), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(aad(ownerId, field));
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed for a " + field + " field", e);
        }
    }

    /** The key id a sealed value was made with. */
    public static String keyIdOf(String sealed) {
        String[] parts = sealed.split("\\.", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    private static byte[] aad(String ownerId, String field) {
        return ("gehoord:v1:" + ownerId + ":" + field).getBytes(StandardCharsets.UTF_8);
    }
}
