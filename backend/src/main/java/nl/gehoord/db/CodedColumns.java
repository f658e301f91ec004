package nl.gehoord.db;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/** Binds a {@link Coded} enum as its code and maps a column back to the constant with that code. */
final class CodedColumns {
    private CodedColumns() {
    }

    static final class Arguments implements ArgumentFactory.Preparable {
        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            if (!isCoded(type)) {
                return Optional.empty();
            }
            return Optional.of(value -> value == null ? new NullArgument(Types.VARCHAR)
                    : (position, statement, context) -> statement.setString(position, ((Coded) value).code()));
        }
    }

    static final class Mappers implements ColumnMapperFactory {
        @Override
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            if (!isCoded(type)) {
                return Optional.empty();
            }
            Map<String, Object> byCode = Arrays.stream(GenericTypes.getErasedType(type).getEnumConstants())
                    .collect(Collectors.toMap(e -> ((Coded) e).code(), e -> e));
            return Optional.of((rs, column, context) -> {
                String code = rs.getString(column);
                if (code == null) {
                    return null;
                }
                Object constant = byCode.get(code);
                if (constant == null) {
                    throw new IllegalStateException("stored code " + code + " is not a " + type.getTypeName());
                }
                return constant;
            });
        }
    }

    private static boolean isCoded(Type type) {
        Class<?> raw = GenericTypes.getErasedType(type);
        return raw.isEnum() && Coded.class.isAssignableFrom(raw);
    }
}
