package org.agora.debate;

/** Who wrote a post; {@link #SYSTEM} for Agora's own opening posts. */
public record Author(long id, String username, String displayName) {
    public static final Author SYSTEM = new Author(0, "agora", "Agora");

    public boolean isSystem() {
        return id == 0;
    }
}
