package org.agora.moderation;

/**
 * Flagged content as moderators review it: where it is, who wrote it, an excerpt (moderators may read hidden
 * content) and its state. {@code gone} when the content no longer exists.
 */
public record ContentView(String title, String excerpt, String authorName, String path, boolean hidden,
                          boolean removed, boolean gone, String authorUsername) {
    static ContentView gone(String path) {
        return new ContentView("", "", "", path, false, false, true, "");
    }

    /** The state the audit log keeps before and after an action. */
    String stateJson() {
        return "{\"hidden\": " + hidden + ", \"removed\": " + removed + ", \"gone\": " + gone + "}";
    }
}
