package nl.gehoord.intake;

import java.util.Map;

/** The body of POST /v1/cases. Everything a young person types (story, typed answers, about, contact) is sealed at rest. */
public record NewCaseRequest(
        Integer flowVersion,
        String kind,
        Map<String, String> answers,
        String story,
        String region,
        String setting,
        String ageBand,
        About about,
        Contact contact,
        String contactPreference) {

    /** Where or whom it is about: a location from the region's list, and/or typed words. */
    public record About(String locationId, String text) {
    }

    /** How a trust person may reach the young person; every part is optional. */
    public record Contact(String name, String phone, String bestTime) {
    }
}
