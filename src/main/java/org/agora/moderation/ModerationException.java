package org.agora.moderation;

/** A moderation request that cannot be done as asked, with a message key (and arguments) to show. */
public class ModerationException extends RuntimeException {
    private final String field;
    private final transient Object[] args;

    public ModerationException(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.args = args;
    }

    /** The form field the problem concerns, or null. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }
}
