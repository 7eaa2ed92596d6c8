package dev.supportbot.tickets;

import java.time.Instant;
import java.util.Objects;

/** A message posted in a ticket's thread, with who wrote it, who can see it and when it was posted. */
public record Reply(String author, AuthorRole role, Visibility visibility, String text, Instant postedAt) {
    public Reply {
        author = UserText.name("author", author);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(visibility, "visibility");
        text = UserText.text("reply text", text);
        Objects.requireNonNull(postedAt, "postedAt");
    }

    /** A customer-visible reply by a human staff member: the kind that stops a first-response clock. */
    public boolean isHumanResponse() {
        return role == AuthorRole.STAFF && visibility == Visibility.PUBLIC;
    }
}
