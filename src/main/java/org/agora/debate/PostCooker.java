package org.agora.debate;

import org.agora.shared.text.Markdown;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Renders posts that a migration stored as Markdown only (the seeded opening posts). */
@Component
@Order(20)
class PostCooker implements ApplicationRunner {
    private final PostRepository posts;

    PostCooker(PostRepository posts) {
        this.posts = posts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Post post : posts.uncooked()) {
            posts.setHtml(post.id(), Markdown.toHtml(post.body()));
        }
    }
}
