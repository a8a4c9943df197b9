package org.agora.poll;

/** A ballot or poll action that cannot be done, with a message key (and arguments) for the user. */
public class PollException extends RuntimeException {
    private final transient Object[] args;

    public PollException(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }
}
