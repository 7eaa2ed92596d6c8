package dev.supportbot.slack;

/**
 * A Slack Web API call that failed for good: Slack refused it ({@code ok=false}, or an HTTP 4xx other than 429),
 * or no answer came through (retries ran out, the network failed, the queue shut down).
 */
final class SlackCallException extends RuntimeException {
    private final String method;
    private final String error;
    private final boolean refused;

    /** The call got no usable answer: trying it again later may work. */
    SlackCallException(String method, String error, Throwable cause) {
        this(method, error, false, cause);
    }

    private SlackCallException(String method, String error, boolean refused, Throwable cause) {
        super(method + " failed: " + error, cause);
        this.method = method;
        this.error = error;
        this.refused = refused;
    }

    /** Slack answered and said no: the same call would be refused again. */
    static SlackCallException refused(String method, String error, Throwable cause) {
        return new SlackCallException(method, error, true, cause);
    }

    String method() {
        return method;
    }

    /** Slack's error code ({@code channel_not_found}) or a description of the transport failure. */
    String error() {
        return error;
    }

    /** Whether Slack itself refused the call, as opposed to no answer coming through. */
    boolean refused() {
        return refused;
    }
}
