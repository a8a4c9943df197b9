package org.agora.poll;

public enum PollStatus {
    DRAFT, OPEN, CLOSED, RESOLVED
}
