package nl.gehoord.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;

/** Validates every response the tests receive against mobile-api-spec/openapi.yaml. */
public final class SpecValidator {
    private static volatile OpenApiInteractionValidator validator;

    private SpecValidator() {
    }

    public static Path specPath() {
        String configured = System.getProperty("gehoord.spec");
        Path path = configured != null ? Path.of(configured) : Path.of("../mobile-api-spec/openapi.yaml");
        if (!Files.exists(path)) {
            path = Path.of("mobile-api-spec/openapi.yaml");
        }
        return path.toAbsolutePath().normalize();
    }

    static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (SpecValidator.class) {
                if (validator == null) {
                    // A path or method the API does not have cannot match an operation; those answers are
                    // checked against the Problem schema by the tests themselves (BadInputTest).
                    validator = OpenApiInteractionValidator.createForSpecificationUrl(specPath().toString())
                            .withLevelResolver(LevelResolver.create()
                                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                                    .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                                    .build())
                            .build();
                }
            }
        }
        return validator;
    }

    /** Fails the test when the response does not match the contract for this path and method. */
    public static void check(String method, String path, ApiResponse response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach((name, values) -> builder.withHeader(name, values));
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        ValidationReport report = validator().validateResponse(pathOnly, Request.Method.valueOf(method), builder.build());
        if (report.hasErrors()) {
            throw new AssertionError("Response to " + method + " " + pathOnly + " (" + response.status()
                    + ") breaks openapi.yaml:\n" + report.getMessages() + "\nbody: " + response.body());
        }
    }
}
