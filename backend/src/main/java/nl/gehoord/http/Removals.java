package nl.gehoord.http;

import java.util.List;
import java.util.Set;

/**
 * The one way a settings update removes a value: it names the setting in {@code remove}. Generated clients drop
 * null fields and cannot send {@code null}, so "remove" has to be something they can say.
 */
public final class Removals {
    private Removals() {
    }

    /** A {@code remove} list names settings that can be removed, each once. */
    public static void check(List<String> remove, Set<String> removable, List<FieldError> errors) {
        int blank = java.util.stream.IntStream.range(0, remove.size()).filter(i -> remove.get(i) == null)
                .findFirst().orElse(-1);
        if (blank >= 0) {
            errors.add(new FieldError("remove[" + blank + "]", "wrong_type"));
        } else if (!removable.containsAll(remove)) {
            errors.add(new FieldError("remove", "unknown_option"));
        } else if (new java.util.HashSet<>(remove).size() != remove.size()) {
            errors.add(new FieldError("remove", "invalid_value"));
        }
    }
}
