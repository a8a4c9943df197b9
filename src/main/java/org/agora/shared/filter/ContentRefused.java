package org.agora.shared.filter;

/** A text a {@link ContentFilter} refuses, with a message key and arguments naming the problem. */
public class ContentRefused extends RuntimeException {
    private final String messageKey;
    private final transient Object[] args;

    public ContentRefused(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
