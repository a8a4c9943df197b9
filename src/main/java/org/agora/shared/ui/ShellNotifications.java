package org.agora.shared.ui;

import java.util.Optional;

/** The bell in the app shell: provided by the feature that notifies ({@code shared} imports no feature). */
public interface ShellNotifications {
    /** Unread notifications of the signed-in member; empty for a reader. */
    Optional<Long> unread();

    /** Calls {@code onChange} (on any thread) when the member's notifications change; run the result to stop. */
    Runnable watch(Runnable onChange);
}
