package org.agora.poll;

import java.util.List;

/**
 * A ballot or poll action that cannot be done, with a message key (and arguments) for the user. A rejected
 * draft carries every problem found, each tied to its form field.
 */
public class PollException extends RuntimeException {
    private final transient Object[] args;
    private final transient List<Problem> problems;

    public PollException(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
        this.problems = List.of(new Problem("", messageKey, args));
    }

    public PollException(List<Problem> problems) {
        super(problems.getFirst().key());
        this.args = problems.getFirst().args();
        this.problems = List.copyOf(problems);
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One problem: the form field it concerns (empty for the whole form), a message key and its arguments. */
    public record Problem(String field, String key, Object... args) {
    }
}
