package dev.supportbot.tickets;

/**
 * Who is looking at tickets. Every read names one: a customer sees only its own organisation's tickets and
 * public entries; staff see everything.
 */
public sealed interface Viewer {
    /** A support engineer or MLE of ours. */
    record Staff(String name) implements Viewer {
        public Staff {
            name = UserText.name("staff name", name);
        }
    }

    /** Someone from a customer organisation (a Slack team id or a configured customer name). */
    record Customer(String organisation) implements Viewer {
        public Customer {
            organisation = UserText.name("customer organisation", organisation);
        }
    }
}
