package fermata.core.analysis.advice;

import java.util.Comparator;

/**
 * One finding for the producer, with its numbers in the message.
 *
 * @param rule stable identifier of the rule that fired, e.g. "true-peak"
 * @param amount how far past the rule's limit, in the rule's unit, for ranking within a severity
 */
public record Advice(Severity severity, String rule, String message, double amount) {
    /** Most severe first, then the largest excess. */
    public static final Comparator<Advice> RANKING = Comparator.comparing(Advice::severity)
            .thenComparing(Comparator.comparingDouble(Advice::amount).reversed());
}
