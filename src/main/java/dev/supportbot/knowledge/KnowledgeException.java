package dev.supportbot.knowledge;

/** The knowledge files cannot be read or indexed; the message names the file. */
public final class KnowledgeException extends RuntimeException {
    public KnowledgeException(String message) {
        super(message);
    }

    public KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
