package nl.gehoord.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.gehoord.http.Role;
import nl.gehoord.http.Route;
import nl.gehoord.security.HostileCorpus.Hostile;

/**
 * Every id of every route, in the path and in the body, set to an id another party holds: another device's
 * case, another organisation's case, staff member, team, location, routing rule, canned reply and the other
 * organisation itself. Called by every role the route allows, with the contract's example body otherwise, so
 * the id is the only thing wrong. Each must be refused, and the database stays as it was.
 */
final class OtherPartyCorpus {
    /**
     * Routes whose ids across two organisations the access matrix proves (AccessMatrixTest, the admin routes);
     * emptying this list brings them into this corpus too.
     */
    static final List<String> LEFT_TO_THE_ACCESS_MATRIX = List.of();
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final HostileCorpus corpus;
    private final SpecBodies specBodies;
    private final String otherDevicesCase;
    private final Map<String, String> otherOrganisation;
    private final Map<String, String> ownOrganisation;

    /**
     * @param otherOrganisation for each id name ({@code caseId}, {@code staffId}, ...) an id of that kind that
     *                          belongs to the other organisation
     * @param ownOrganisation   the same for the callers' own organisation: the path when an id in the body is tried
     */
    OtherPartyCorpus(HostileCorpus corpus, SpecBodies specBodies, String otherDevicesCase,
                     Map<String, String> otherOrganisation, Map<String, String> ownOrganisation) {
        this.ownOrganisation = Map.copyOf(ownOrganisation);
        this.corpus = corpus;
        this.specBodies = specBodies;
        this.otherDevicesCase = otherDevicesCase;
        this.otherOrganisation = Map.copyOf(otherOrganisation);
    }

    List<Hostile> all(List<Route> routes) {
        List<Hostile> out = new ArrayList<>();
        for (Route route : routes) {
            if (route.isPublic() || LEFT_TO_THE_ACCESS_MATRIX.stream().anyMatch(route.path()::startsWith)) {
                continue;
            }
            String method = route.method().name();
            Optional<ObjectNode> example = specBodies.example(method, route.path());
            for (Role role : route.roles()) {
                Map<String, String> ids = role == Role.DEVICE ? Map.of("caseId", otherDevicesCase) : otherOrganisation;
                Matcher params = PARAM.matcher(route.path());
                while (params.find()) {
                    String id = ids.get(params.group(1));
                    if (id != null) {
                        out.add(request(route, role, HostileCorpus.fill(route.path(), params.group(1), id),
                                example.orElse(null), params.group(1) + " in the path"));
                    }
                }
                if (example.isEmpty()) {
                    continue;
                }
                example.get().fieldNames().forEachRemaining(field -> {
                    String id = ids.get(field);
                    if (id != null) {
                        ObjectNode body = example.get().deepCopy();
                        body.put(field, id);
                        out.add(request(route, role, own(route.path()), body, field + " in the body"));
                    }
                });
            }
        }
        return out;
    }

    private String own(String template) {
        String path = template;
        for (Map.Entry<String, String> id : ownOrganisation.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return HostileCorpus.fill(path, null, null);
    }

    private Hostile request(Route route, Role role, String path, ObjectNode body, String what) {
        Map<String, String> headers = new LinkedHashMap<>(corpus.auth(role));
        byte[] bytes = null;
        if (body != null) {
            headers.put("Content-Type", "application/json");
            headers.put("Idempotency-Key", "other-party-" + UUID.randomUUID());
            bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        }
        return new Hostile(route.method() + " " + route.path() + " as " + role + " with another party's " + what,
                route.method().name(), path, headers, bytes, null, null);
    }
}
