package nl.gehoord.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Some SQL must spell statuses as literals: the partial index of V13 (planners match its terms literally, so the
 * queries that want it say the same list), the CHECK of the cases table, and DAO annotations (which take
 * constants only). This holds every such literal to {@link CaseStatus}.
 */
class CaseStatusLiteralsTest {
    private static final Path MAIN = Path.of("src/main");
    private static final Pattern IN_LIST = Pattern.compile("status\\s+IN\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    private static List<List<String>> inLists(String text) {
        Matcher m = IN_LIST.matcher(text);
        List<List<String>> lists = new java.util.ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains("'")) {
                lists.add(Arrays.stream(m.group(1).split(",")).map(s -> s.trim().replace("'", "")).toList());
            }
        }
        return lists;
    }

    private static List<String> codes(List<CaseStatus> statuses) {
        return statuses.stream().map(CaseStatus::code).toList();
    }

    @Test
    void thePartialIndexOfV13ListsTheOpenStatusesInTheEnumsOrder() throws IOException {
        String v13 = Files.readString(MAIN.resolve("resources/db/migration/common/V13__inbox_order_indexes.sql"));
        assertThat(inLists(v13)).isNotEmpty().allSatisfy(list -> assertThat(list).isEqualTo(codes(CaseStatus.OPEN)));
        assertThat(CaseStatus.openLiterals())
                .isEqualTo("'received', 'assigned', 'in_conversation', 'formal_complaint'");
    }

    @Test
    void theTablesCheckAllowsExactlyTheEnumsStatuses() throws IOException {
        String v1 = Files.readString(MAIN.resolve("resources/db/migration/common/V1__foundation.sql"));
        assertThat(inLists(v1).get(0)).containsExactlyElementsOf(codes(List.of(CaseStatus.values())));
    }

    @Test
    void everyStatusListInTheCodeIsTheOpenOrTheFinishedOne() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN.resolve("java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        int found = 0;
        for (Path source : sources) {
            for (List<String> list : inLists(Files.readString(source))) {
                found++;
                assertThat(Set.of(codes(CaseStatus.OPEN), Set.copyOf(codes(CaseStatus.FINISHED))))
                        .as(source + ": " + list).contains(list.size() == CaseStatus.OPEN.size() ? list : Set.copyOf(list));
            }
        }
        assertThat(found).as("the DAOs that need literals").isGreaterThanOrEqualTo(2);
    }
}
