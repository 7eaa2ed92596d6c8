package dev.supportbot.policy;

/** The policy files are missing or say something that cannot be used; the message names file and key. */
public final class PolicyException extends RuntimeException {
    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
