package fermata.core.mix;

/** One automix decision as the user reads it: what was set, and why. */
public record Decision(String what, String reason) {
}
