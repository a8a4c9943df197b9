package org.agora.account;

/** A request about an account that cannot be done, with the field to point at and a message key to show. */
public class AccountException extends RuntimeException {
    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public AccountException(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** The message's arguments (e.g. the watched word a username contains). */
    public Object[] args() {
        return args.clone();
    }

    /** The form field the message belongs to, or null for the whole form. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
