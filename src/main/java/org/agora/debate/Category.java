package org.agora.debate;

public record Category(long id, String slug, String name, String description) {
}
