package nl.gehoord.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import nl.gehoord.testing.SpecValidator;
import org.junit.jupiter.api.Test;

/**
 * Every problem code and field code the server can answer (each has its words in the message catalog) is named in
 * the contract, so an app maker can handle it without reading the server's code.
 */
class DocumentedCodesTest {
    @Test
    void everyCodeInTheCatalogIsDocumented() throws IOException {
        OpenAPI spec = new OpenAPIV3Parser().read(SpecValidator.specPath().toString());
        String problemCodes = spec.getComponents().getSchemas().get("Problem").getDescription();
        String fieldCodes = spec.getComponents().getResponses().get("UnprocessableEntity").getDescription();
        Properties catalog = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/messages_nl.properties")) {
            catalog.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> undocumented = new TreeSet<>();
        for (String key : catalog.stringPropertyNames()) {
            String[] parts = key.split("\\.");
            if (parts[0].equals("problem") && !problemCodes.contains("`" + parts[1] + "`")) {
                undocumented.add("problem " + parts[1]);
            }
            if (parts[0].equals("field") && !fieldCodes.contains("`" + parts[1] + "`")) {
                undocumented.add("field " + parts[1]);
            }
        }
        assertThat(catalog.stringPropertyNames()).anyMatch(k -> k.startsWith("problem."))
                .anyMatch(k -> k.startsWith("field."));
        assertThat(undocumented).as("codes missing from Problem and the 422 answer in openapi.yaml").isEmpty();
    }
}
