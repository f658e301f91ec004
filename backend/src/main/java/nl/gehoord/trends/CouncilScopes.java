package nl.gehoord.trends;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import nl.gehoord.db.Database;
import nl.gehoord.http.ApiException;
import nl.gehoord.http.FieldError;
import org.jdbi.v3.core.Handle;

/** Reads and sets the scope of council accounts. An account without a scope sees no trends at all. */
public final class CouncilScopes {
    public static final int MAX_VALUES = 50;

    private final Database db;
    private final Clock clock;

    public CouncilScopes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Replaces a council account's scope (for the admin endpoints). 404 when the account is not a council account;
     * 422 when the kind is not provider or municipality, or a value names no known provider or municipality.
     */
    public CouncilScope setScope(String staffId, String kind, List<String> values) {
        return db.write(h -> set(h, staffId, kind, values, clock.millis()));
    }

    public Optional<CouncilScope> scopeOf(String staffId) {
        return db.read(h -> scopeOf(h, staffId));
    }

    public static Optional<CouncilScope> scopeOf(Handle h, String staffId) {
        List<CouncilScopesDao.ScopeRow> rows = h.attach(CouncilScopesDao.class).scopeRows(staffId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CouncilScope(rows.get(0).kind(), rows.stream().map(CouncilScopesDao.ScopeRow::value)
                .toList()));
    }

    /** The same as setScope, inside a transaction the caller holds (demo seeding, admin services). */
    public static CouncilScope setInTransaction(Handle h, String staffId, String kind, List<String> values, long now) {
        return set(h, staffId, kind, values, now);
    }

    static CouncilScope set(Handle h, String staffId, String kind, List<String> values, long now) {
        CouncilScopesDao dao = h.attach(CouncilScopesDao.class);
        String role = dao.role(staffId).orElseThrow(ApiException::notFound);
        if (!"council".equals(role)) {
            throw ApiException.notFound();
        }
        List<FieldError> errors = new ArrayList<>();
        if (!CouncilScope.PROVIDER.equals(kind) && !CouncilScope.MUNICIPALITY.equals(kind)) {
            errors.add(new FieldError("kind", "unknown_option"));
        }
        TreeSet<String> clean = new TreeSet<>();
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError("values", "required"));
        } else if (values.size() > MAX_VALUES) {
            errors.add(new FieldError("values", "too_many"));
        } else if (errors.isEmpty()) {
            boolean provider = CouncilScope.PROVIDER.equals(kind);
            for (String value : values) {
                if (value == null
                        || (provider ? dao.locationsOfProvider(value) : dao.regionsOfMunicipality(value)) == 0) {
                    errors.add(new FieldError("values", "unknown_option"));
                    break;
                }
                clean.add(value);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        dao.clear(staffId);
        for (String value : clean) {
            dao.insert(staffId, kind, value, now);
        }
        return new CouncilScope(kind, List.copyOf(clean));
    }

    /** The scope's regions, in a fixed order: the region dimension's values for this council. */
    static List<String> regionsOf(Handle h, CouncilScope scope) {
        CouncilScopesDao dao = h.attach(CouncilScopesDao.class);
        return CouncilScope.PROVIDER.equals(scope.kind()) ? dao.regionsOfProviders(scope.values())
                : dao.regionsOfMunicipalities(scope.values());
    }
}
