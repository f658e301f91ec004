package nl.gehoord.crypto;

/** Lets tests in other packages make a value in the previous sealed format. */
public final class FieldCipherTestAccess {
    private FieldCipherTestAccess() {
    }

    public static String sealV1(KeyRing keys, String plain, String aad) throws Exception {
        return FieldCipherTest.sealV1(keys, plain, aad);
    }
}
