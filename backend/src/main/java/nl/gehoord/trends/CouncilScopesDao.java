package nl.gehoord.trends;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** council_scopes and the lookups a scope needs (staff role, providers, municipalities, their regions). */
@RegisterConstructorMapper(CouncilScopesDao.ScopeRow.class)
@RegisterConstructorMapper(CouncilScopesDao.Council.class)
public interface CouncilScopesDao {
    record ScopeRow(String kind, String value) {
    }

    /** An active council account with a scope, and its organisation (whose minimum group size applies). */
    record Council(String staffId, String organisationId) {
    }

    @SqlQuery("SELECT kind, value FROM council_scopes WHERE staff_id = :staffId ORDER BY value")
    List<ScopeRow> scopeRows(String staffId);


    @SqlQuery("SELECT role FROM staff WHERE id = :staffId")
    Optional<String> role(String staffId);

    @SqlQuery("SELECT COUNT(*) FROM locations WHERE provider = :provider")
    int locationsOfProvider(String provider);

    @SqlQuery("SELECT COUNT(*) FROM regions WHERE municipality = :municipality")
    int regionsOfMunicipality(String municipality);

    @SqlUpdate("DELETE FROM council_scopes WHERE staff_id = :staffId")
    void clear(String staffId);

    @SqlUpdate("""
            INSERT INTO council_scopes (staff_id, kind, value, updated_at) VALUES (:staffId, :kind, :value, :now)
            """)
    void insert(String staffId, String kind, String value, long now);

    @SqlQuery("SELECT DISTINCT region_code FROM locations WHERE provider IN (<providers>) ORDER BY region_code")
    List<String> regionsOfProviders(@BindList("providers") List<String> providers);

    @SqlQuery("SELECT code FROM regions WHERE municipality IN (<municipalities>) ORDER BY code")
    List<String> regionsOfMunicipalities(@BindList("municipalities") List<String> municipalities);

    @SqlQuery("""
            SELECT DISTINCT s.id AS staff_id, s.organisation_id FROM staff s
            JOIN council_scopes c ON c.staff_id = s.id
            WHERE s.role = 'council' AND s.active = TRUE
            ORDER BY staff_id
            """)
    List<Council> councilsWithScope();
}
