package dev.supportbot.slack;

/** A Slack Web API call that failed for good: Slack said {@code ok=false}, or retries ran out. */
final class SlackCallException extends RuntimeException {
    private final String method;
    private final String error;

    SlackCallException(String method, String error, Throwable cause) {
        super(method + " failed: " + error, cause);
        this.method = method;
        this.error = error;
    }

    String method() {
        return method;
    }

    /** Slack's error code ({@code channel_not_found}) or a description of the transport failure. */
    String error() {
        return error;
    }
}
