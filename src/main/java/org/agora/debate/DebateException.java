package org.agora.debate;

/** A debate action that cannot be done as asked, with a message key (and arguments) to show the user. */
public class DebateException extends RuntimeException {
    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public DebateException(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
