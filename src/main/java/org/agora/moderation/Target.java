package org.agora.moderation;

/** A flagged thing, named by its type and its id in the feature that owns it. */
public record Target(TargetType type, long id) {
    public Target {
        if (type == null) {
            throw new IllegalArgumentException("a target needs a type");
        }
    }

    public static Target post(long id) {
        return new Target(TargetType.POST, id);
    }

    public static Target topic(long id) {
        return new Target(TargetType.TOPIC, id);
    }

    public static Target account(long id) {
        return new Target(TargetType.ACCOUNT, id);
    }

    public static Target poll(long id) {
        return new Target(TargetType.POLL, id);
    }

    public static Target pollOption(long id) {
        return new Target(TargetType.POLL_OPTION, id);
    }
}
