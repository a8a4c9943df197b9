package org.agora.moderation;

/** Why a member flags something, and the category of a moderator's decision (shown in the transparency report). */
public enum FlagReason {
    SPAM, HARASSMENT, OFF_TOPIC, MISINFORMATION, ILLEGAL, OTHER
}
