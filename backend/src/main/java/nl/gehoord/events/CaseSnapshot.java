package nl.gehoord.events;

import java.util.List;

/**
 * A case's coded facts as the service that changed it holds them, handed to listeners with its events. Coded facts
 * and ids only, never what the young person wrote.
 *
 * @param created  the case was stored in this very transaction: nothing about it existed before (no outbox rows,
 *                 no statistics), and its deadlines were stored with it
 * @param provider the care provider of the location the case is about, or null
 * @param deviceIds the app installs linked to the case
 */
public record CaseSnapshot(String caseId, String organisationId, String teamId, String assignedStaffId,
                           String status, boolean urgent, String topic, String setting, String regionCode,
                           String ageBand, String provider, long createdAt, Long firstResponseDueAt,
                           List<String> deviceIds, boolean created) {
}
