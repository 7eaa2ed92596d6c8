package dev.supportbot.console;

import dev.supportbot.tickets.Viewer;
import java.util.Objects;

/** Who is typing in the console: a staff member, or a named person of a customer organisation. */
record Speaker(Viewer viewer, String name) {
    Speaker {
        Objects.requireNonNull(viewer, "viewer");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a speaker needs a name");
        }
    }

    static Speaker staff(String name) {
        return new Speaker(new Viewer.Staff(name), name);
    }

    static Speaker customer(String organisation, String name) {
        return new Speaker(new Viewer.Customer(organisation), name);
    }

    /** {@code staff dana} or {@code acme/alice}. */
    String label() {
        return switch (viewer) {
            case Viewer.Staff staff -> "staff " + name;
            case Viewer.Customer customer -> customer.organisation() + "/" + name;
        };
    }

    String prompt() {
        return label() + "> ";
    }
}
