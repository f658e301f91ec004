package nl.gehoord.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The perturbation table: the promises the API and docs/trends.md make about it. */
class PTableTest {
    private final PTable ptable = PTable.standard();

    @Test
    void everyCountStaysWithinTheMaximumDeviationAndOneAndTwoAreNeverPublished() {
        assertThat(ptable.maxDeviation()).isEqualTo(2);
        Random random = new Random(1);
        for (long n = 0; n <= 300; n++) {
            for (int i = 0; i < 200; i++) {
                long published = ptable.publish(n, random.nextLong());
                assertThat(Math.abs(published - n)).isLessThanOrEqualTo(2);
                assertThat(published).isNotIn(1L, 2L);
                if (n == 0) {
                    assertThat(published).as("0 stays 0").isZero();
                }
            }
        }
    }

    @Test
    void theSameCellKeyAlwaysGivesTheSameNumber() {
        for (long key = -5; key < 5; key++) {
            assertThat(ptable.publish(17, key * 123_456_789L)).isEqualTo(ptable.publish(17, key * 123_456_789L));
        }
        assertThat(ptable.publish(17, 5L)).as("the key counts modulo 2^32")
                .isEqualTo(ptable.publish(17, 5L + PTable.KEY_SPACE));
    }

    @Test
    void countsOtherThanThreeHaveNoBiasAndLargeCountsHaveTheStatedVariance() {
        for (long n = 0; n <= 50; n++) {
            double mean = 0;
            for (long p : ptable.outcomes(n)) {
                mean += ptable.probability(n, p) * p;
            }
            assertThat(mean).as("mean of " + n).isCloseTo(n == 3 ? 3.4 : n, org.assertj.core.data.Offset.offset(0.001));
        }
        assertThat(ptable.deviationVariance(100)).isCloseTo(ptable.variance(),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(ptable.deviationVariance(1)).as("1 becomes 0 or 3").isCloseTo(2, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theYearTableKeepsTheSamePromisesWithWiderNoise() {
        PTable year = PTable.year();
        assertThat(year.maxDeviation()).isEqualTo(ptable.maxDeviation());
        assertThat(year.smallest()).isEqualTo(ptable.smallest());
        Random random = new Random(3);
        for (long n = 0; n <= 300; n++) {
            double mean = 0;
            for (long p : year.outcomes(n)) {
                assertThat(Math.abs(p - n)).isLessThanOrEqualTo(2);
                assertThat(p).isNotIn(1L, 2L);
                mean += year.probability(n, p) * p;
            }
            assertThat(mean).as("mean of " + n).isCloseTo(n == 3 ? 3.8 : n, org.assertj.core.data.Offset.offset(0.001));
            assertThat(year.publish(n, random.nextLong())).isIn(year.outcomes(n));
        }
        assertThat(year.publish(0, random.nextLong())).as("0 stays 0").isZero();
        assertThat(year.deviationVariance(100)).isCloseTo(2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(year.probability(3, 3)).as("a year's 3 is kept less than half of the time").isLessThan(0.5);
        assertThat(year.probability(4, 4)).as("a year's 4 is kept one time in ten")
                .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
        for (long n = 0; n <= 2; n++) {
            for (long p : ptable.outcomes(n)) {
                assertThat(year.probability(n, p)).as("0, 1 and 2 as for months").isEqualTo(ptable.probability(n, p));
            }
        }
    }

    @Test
    void theKeysShareOfEachPublishedCountIsItsProbability() {
        Random random = new Random(2);
        int[] seen = new int[8];
        for (int i = 0; i < 200_000; i++) {
            seen[(int) ptable.publish(5, random.nextLong())]++;
        }
        for (long p : ptable.outcomes(5)) {
            assertThat(seen[(int) p] / 200_000.0).isCloseTo(ptable.probability(5, p),
                    org.assertj.core.data.Offset.offset(0.005));
        }
    }

    @Test
    void aTableThatBreaksAPromiseIsRefused() {
        assertThatThrownBy(() -> PTable.parse(List.of("maxDeviation=2", "variance=0", "smallest=3", "row=0,0,1",
                "row=1,1,1"))).hasMessageContaining("may not publish 1");
        assertThatThrownBy(() -> PTable.parse(List.of("maxDeviation=2", "variance=0", "smallest=3", "row=0,3,1")))
                .hasMessageContaining("may not publish");
        assertThatThrownBy(() -> PTable.parse(List.of("maxDeviation=2", "variance=0", "smallest=3", "row=0,0,1",
                "row=1,0,0.5"))).hasMessageContaining("adds up");
    }
}
