package nl.gehoord.bench;

import java.util.List;
import nl.gehoord.safety.DangerPhrases;

/**
 * How long the danger-phrase check takes per new case or message, for texts of growing length without a match
 * (the slowest case: every phrase is tried everywhere, with typo tolerance). Run with
 * scripts/benchmark.sh danger [rounds].
 */
public final class DangerPhrasesBenchmark {
    private DangerPhrasesBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        DangerPhrases danger = DangerPhrases.standard();
        String sentence = "Ik woon op een groep en ik mag mijn telefoon niet houden van de leiding. ";
        System.out.printf("danger phrases: %d phrases, %d rounds per size%n", danger.size(), rounds);
        for (int length : new int[] {100, 500, 1000, 2000, 4000}) {
            String text = sentence.repeat(length / sentence.length() + 1).substring(0, length);
            List<String> texts = List.of(text);
            for (int i = 0; i < Math.max(5, rounds / 10); i++) {
                danger.find(texts);
            }
            long start = System.nanoTime();
            int found = 0;
            for (int i = 0; i < rounds; i++) {
                found += danger.find(texts).isPresent() ? 1 : 0;
            }
            double ms = (System.nanoTime() - start) / 1e6 / rounds;
            System.out.printf("  %5d characters, no match: %7.2f ms per check (%d matches)%n", length, ms, found);
        }
    }
}
