package nl.gehoord.intake;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** App installs. The bearer token is kept only as its SHA-256; the push token is sealed. */
@RegisterConstructorMapper(DeviceDao.DeviceRow.class)
public interface DeviceDao {
    record DeviceRow(String id, String tokenHash, String platform, String locale, String pushTokenEnc,
                     boolean discreet, String quietStart, String quietEnd, long createdAt, long lastSeenAt,
                     String language) {
        @JdbiConstructor
        public DeviceRow {
        }

        /** An install without a language picked in the app. */
        public DeviceRow(String id, String tokenHash, String platform, String locale, String pushTokenEnc,
                         boolean discreet, String quietStart, String quietEnd, long createdAt, long lastSeenAt) {
            this(id, tokenHash, platform, locale, pushTokenEnc, discreet, quietStart, quietEnd, createdAt, lastSeenAt,
                    null);
        }
    }

    @SqlUpdate("""
            INSERT INTO devices (id, token_hash, platform, locale, push_token_enc, discreet, quiet_start, quiet_end,
                                 created_at, last_seen_at, language)
            VALUES (:id, :tokenHash, :platform, :locale, :pushTokenEnc, :discreet, :quietStart, :quietEnd,
                    :createdAt, :lastSeenAt, :language)
            """)
    void insert(@BindMethods DeviceRow row);

    /** Read on every request of an app; bound and mapped by hand, without attaching this interface. */
    static Optional<DeviceRow> byTokenHash(Handle h, String tokenHash) {
        return h.createQuery("""
                SELECT id, token_hash, platform, locale, push_token_enc, discreet, quiet_start, quiet_end, created_at,
                       last_seen_at, language
                FROM devices WHERE token_hash = :hash
                """).bind("hash", tokenHash)
                .map((rs, ctx) -> new DeviceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                        rs.getLong(10), rs.getString(11)))
                .findOne();
    }

    @SqlQuery("SELECT * FROM devices WHERE id = :id")
    Optional<DeviceRow> byId(String id);

    @SqlUpdate("""
            UPDATE devices SET locale = :locale, push_token_enc = :pushTokenEnc, discreet = :discreet,
                               quiet_start = :quietStart, quiet_end = :quietEnd, last_seen_at = :lastSeenAt,
                               language = :language
            WHERE id = :id
            """)
    void update(@BindMethods DeviceRow row);

    @SqlUpdate("UPDATE devices SET last_seen_at = :at WHERE id = :id AND last_seen_at < :at")
    void touch(String id, long at);

    /**
     * Takes the device's row lock for the rest of the transaction (PostgreSQL): two requests of one device with
     * the same idempotency key then run one after the other, and the second finds the first one's case.
     */
    @SqlUpdate("UPDATE devices SET last_seen_at = last_seen_at WHERE id = :id")
    void lock(String id);

    @SqlUpdate("DELETE FROM devices WHERE id = :id")
    int delete(String id);

    /** App installs not seen since the cut-off (retention). Their case links and idempotency records go with them. */
    @SqlQuery("SELECT id FROM devices WHERE last_seen_at < :before ORDER BY last_seen_at, id LIMIT :limit")
    List<String> unusedSince(long before, int limit);

    @SqlUpdate("DELETE FROM devices WHERE id = :id AND last_seen_at < :before")
    int deleteUnused(String id, long before);
}
