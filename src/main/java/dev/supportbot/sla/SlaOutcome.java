package dev.supportbot.sla;

/** Where a first-response target stands. */
public enum SlaOutcome {
    /** Responded by the deadline. */
    MET,
    /** Responded after the deadline, or the deadline passed without a response. */
    BREACHED,
    /** No response yet and the deadline is still ahead. */
    PENDING
}
