package nl.gehoord.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts free text at rest with AES-256-GCM. The owning record's id, the field name and, for rows of which a
 * case has many (messages, timeline events, notes), the row's own id and author are bound as associated data, so
 * a ciphertext copied to another case, field or row fails to open.
 *
 * <p>Sealed form: {@code v2.<keyId>.<base64(nonce || ciphertext+tag)>}. The plaintext is padded to a multiple of
 * {@value #PAD} bytes first, so the stored length does not give away the length of a phone number or a name.
 * {@code v1} values (no row binding, no padding) are still opened where no row binding is asked for; a field that
 * is bound to its row refuses them, so an old value cannot be moved into another row.
 */
public final class FieldCipher {
    /**
     * One cipher object per thread, initialised afresh for every field: finding the provider's implementation each
     * time cost more than sealing a short text.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int PAD = 64;
    private static final char SEP = '\u001f';

    private final KeyRing keys;
    private final SecureRandom random;

    public FieldCipher(KeyRing keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    public String activeKeyId() {
        return keys.activeKeyId();
    }

    /** Seals {@code plaintext} for one field of one record; {@code row} names the row when a record has many. */
    public String seal(String plaintext, String ownerId, String field, String... row) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            KeyRing.Active active = keys.active();
            cipher.init(Cipher.ENCRYPT_MODE, active.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aadV2(ownerId, field, row));
            byte[] sealed = cipher.doFinal(pad(plaintext.getBytes(StandardCharsets.UTF_8)));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return "v2." + active.id() + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(String sealed, String ownerId, String field, String... row) {
        if (sealed == null) {
            return null;
        }
        String[] parts = sealed.split("\\.", 3);
        boolean v2 = parts.length == 3 && parts[0].equals("v2");
        boolean v1 = parts.length == 3 && parts[0].equals("v1") && row.length == 0;
        if (!v1 && !v2) {
            throw new IllegalStateException("unknown sealed format for a " + field + " field");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, keys.key(parts[1]), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(v2 ? aadV2(ownerId, field, row) : aadV1(ownerId, field));
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return new String(v2 ? unpad(plain) : plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("decryption failed for a " + field + " field", e);
        }
    }

    /** The key id a sealed value was made with. */
    public static String keyIdOf(String sealed) {
        String[] parts = sealed.split("\\.", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    private static byte[] aadV1(String ownerId, String field) {
        return ("gehoord:v1:" + ownerId + ":" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** Unit-separated, with a null part written as NUL, so no two different bindings give the same bytes. */
    private static byte[] aadV2(String ownerId, String field, String... row) {
        StringBuilder aad = new StringBuilder("gehoord:v2").append(SEP).append(ownerId).append(SEP).append(field);
        aad.append(SEP).append(row.length);
        for (String part : row) {
            aad.append(SEP).append(part == null ? "\u0000" : part);
        }
        return aad.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** ISO/IEC 7816-4 padding: 0x80, then zeros up to the next multiple of PAD. */
    static byte[] pad(byte[] plain) {
        int length = (plain.length / PAD + 1) * PAD;
        byte[] out = Arrays.copyOf(plain, length);
        out[plain.length] = (byte) 0x80;
        return out;
    }

    private static byte[] unpad(byte[] padded) {
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != (byte) 0x80) {
            throw new IllegalArgumentException("bad padding");
        }
        return Arrays.copyOf(padded, end);
    }
}
