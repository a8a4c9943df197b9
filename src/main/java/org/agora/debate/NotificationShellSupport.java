package org.agora.debate;

import java.util.Optional;
import org.agora.account.CurrentUser;
import org.agora.shared.ui.ShellNotifications;
import org.springframework.stereotype.Component;

/** Gives the app shell's bell the signed-in member's unread count and live changes. */
@Component
class NotificationShellSupport implements ShellNotifications {
    private final NotificationService notifications;

    NotificationShellSupport(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Optional<Long> unread() {
        return CurrentUser.get().map(u -> notifications.unread());
    }

    @Override
    public Runnable watch(Runnable onChange) {
        return CurrentUser.get().map(u -> notifications.watch(u.id().value(), onChange)).orElse(() -> { });
    }
}
