package nl.gehoord.db;

import java.util.Arrays;

/**
 * An enum stored by a stable code rather than by its Java name, so renaming a constant never changes data.
 * {@link Database} binds and maps every such enum by its code.
 */
public interface Coded {
    String code();

    /** The constant with this code; an unknown code is a programming or data error. */
    static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " with code " + code));
    }
}
