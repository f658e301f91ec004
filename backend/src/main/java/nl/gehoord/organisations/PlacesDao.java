package nl.gehoord.organisations;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Organisations, regions and care locations: the places a case can come from or be about. */
@RegisterConstructorMapper(PlacesDao.Organisation.class)
@RegisterConstructorMapper(PlacesDao.Region.class)
@RegisterConstructorMapper(PlacesDao.Location.class)
public interface PlacesDao {
    record Organisation(String id, String name, long createdAt) {
    }

    record Region(String code, String name, String municipality, String organisationId) {
    }

    record Location(String id, String regionCode, String provider, String name, String setting) {
    }

    @SqlUpdate("""
            INSERT INTO organisations (id, name, created_at) VALUES (:id, :name, :createdAt)
            """)
    void insertOrganisation(@BindMethods Organisation organisation);

    @SqlQuery("SELECT id, name, created_at FROM organisations WHERE id = :id")
    Optional<Organisation> organisation(String id);

    @SqlQuery("SELECT id, name, created_at FROM organisations ORDER BY created_at, id")
    List<Organisation> organisations();

    @SqlUpdate("""
            INSERT INTO regions (code, name, municipality, organisation_id)
            VALUES (:code, :name, :municipality, :organisationId)
            """)
    void insertRegion(@BindMethods Region region);

    @SqlQuery("SELECT code, name, municipality, organisation_id FROM regions ORDER BY name")
    List<Region> regions();

    @SqlQuery("SELECT code, name, municipality, organisation_id FROM regions WHERE organisation_id = :organisationId ORDER BY name")
    List<Region> regionsOf(String organisationId);

    @SqlQuery("SELECT code, name, municipality, organisation_id FROM regions WHERE code = :code")
    Optional<Region> region(String code);

    @SqlUpdate("""
            INSERT INTO locations (id, region_code, provider, name, setting)
            VALUES (:id, :regionCode, :provider, :name, :setting)
            """)
    void insertLocation(@BindMethods Location location);

    @SqlQuery("SELECT id, region_code, provider, name, setting FROM locations ORDER BY region_code, provider, name")
    List<Location> locations();

    @SqlQuery("SELECT id, region_code, provider, name, setting FROM locations WHERE id = :id")
    Optional<Location> location(String id);

    /** How a care location is named to people: "provider, name"; empty for no or an unknown location. */
    default Optional<String> locationName(String id) {
        return id == null ? Optional.empty() : location(id).map(l -> l.provider() + ", " + l.name());
    }
}
