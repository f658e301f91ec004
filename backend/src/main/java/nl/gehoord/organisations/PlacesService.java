package nl.gehoord.organisations;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.gehoord.db.Database;

/** Reads the regions and care locations a young person can pick from. */
public final class PlacesService {
    private final Database db;

    public PlacesService(Database db) {
        this.db = db;
    }

    public record RegionView(String code, String name, String municipality, List<LocationView> locations) {
    }

    public record LocationView(String id, String provider, String name, String setting) {
    }

    public List<RegionView> regions() {
        return db.read(h -> {
            PlacesDao dao = h.attach(PlacesDao.class);
            Map<String, List<LocationView>> byRegion = dao.locations().stream().collect(Collectors.groupingBy(
                    PlacesDao.Location::regionCode,
                    Collectors.mapping(l -> new LocationView(l.id(), l.provider(), l.name(), l.setting()),
                            Collectors.toList())));
            return dao.regions().stream()
                    .map(r -> new RegionView(r.code(), r.name(), r.municipality(),
                            byRegion.getOrDefault(r.code(), List.of())))
                    .toList();
        });
    }

    public Optional<PlacesDao.Region> region(String code) {
        return db.read(h -> h.attach(PlacesDao.class).region(code));
    }
}
