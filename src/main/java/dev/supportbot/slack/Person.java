package dev.supportbot.slack;

import dev.supportbot.tickets.Viewer;

/** Who wrote a message or clicked a button, as far as support is concerned: one of our staff, or a customer. */
sealed interface Person {
    String userId();

    Viewer viewer();

    /** A support engineer, MLE or other member of staff; may act on any ticket. */
    record Staff(String userId) implements Person {
        public Staff {
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("a staff member needs a Slack user id");
            }
        }

        @Override
        public Viewer viewer() {
            return new Viewer.Staff(userId);
        }
    }

    /** Someone from a customer organisation; sees only that organisation's tickets. */
    record Customer(String userId, String organisation) implements Person {
        public Customer {
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("a customer needs a Slack user id");
            }
            if (organisation == null || organisation.isBlank()) {
                throw new IllegalArgumentException("customer " + userId + " needs an organisation");
            }
        }

        @Override
        public Viewer viewer() {
            return new Viewer.Customer(organisation);
        }
    }
}
