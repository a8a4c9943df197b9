package org.agora.moderation;

import org.agora.debate.DebateException;
import org.agora.debate.PostModeration;
import org.agora.poll.PollException;
import org.agora.poll.PollModeration;
import org.springframework.stereotype.Component;

/**
 * The flagged content's owners, behind one switch on the target type: moderation reads and changes debate and
 * poll content only through their moderation services (which check the moderator role themselves).
 */
@Component
class Contents {
    private final PostModeration posts;
    private final PollModeration polls;

    Contents(PostModeration posts, PollModeration polls) {
        this.posts = posts;
        this.polls = polls;
    }

    ContentView describe(Target target, String path) {
        return switch (target.type()) {
            case POST -> posts.describePost(target.id()).map(c -> new ContentView(c.topicTitle(), c.excerpt(),
                    c.authorName(), c.path(), c.hidden(), c.removed(), false, c.authorUsername()))
                    .orElse(ContentView.gone(path));
            case TOPIC -> posts.describeTopic(target.id()).map(c -> new ContentView(c.topicTitle(), c.excerpt(),
                    c.authorName(), c.path(), c.hidden(), c.removed(), false, c.authorUsername()))
                    .orElse(ContentView.gone(path));
            case POLL_OPTION -> polls.describeOption(target.id()).map(o -> new ContentView(o.question(), o.label(),
                    "", o.path(), o.hidden(), false, false, "")).orElse(ContentView.gone(path));
            case ACCOUNT, POLL -> ContentView.gone(path);
        };
    }

    boolean hide(Target target, String reason) {
        return translate(() -> switch (target.type()) {
            case POST -> posts.hidePost(target.id(), reason);
            case TOPIC -> posts.hideTopic(target.id(), reason);
            case POLL_OPTION -> polls.hideOption(target.id(), reason);
            case ACCOUNT, POLL -> throw new ModerationException(null, "moderation.notContent");
        });
    }

    boolean restore(Target target) {
        return translate(() -> switch (target.type()) {
            case POST -> posts.restorePost(target.id());
            case TOPIC -> posts.restoreTopic(target.id());
            case POLL_OPTION -> polls.restoreOption(target.id());
            case ACCOUNT, POLL -> throw new ModerationException(null, "moderation.notContent");
        });
    }

    boolean softDelete(Target target, String reason) {
        return translate(() -> switch (target.type()) {
            case POST -> posts.softDeletePost(target.id(), reason);
            case TOPIC -> posts.softDeleteTopic(target.id(), reason);
            case POLL_OPTION -> throw new ModerationException(null, "moderation.optionCannotBeDeleted");
            case ACCOUNT, POLL -> throw new ModerationException(null, "moderation.notContent");
        });
    }

    /** A moderator's edit of a post (of a thread: its opening post); the original stays in the history. */
    PostModeration.Edited edit(Target target, String body) {
        long postId = switch (target.type()) {
            case POST -> target.id();
            case TOPIC -> posts.openingPostOf(target.id())
                    .orElseThrow(() -> new ModerationException(null, "moderation.itemNotFound"));
            default -> throw new ModerationException(null, "moderation.onlyPostsEditable");
        };
        try {
            return posts.editPost(postId, body);
        } catch (DebateException e) {
            throw new ModerationException("body".equals(e.field()) ? "body" : null, e.messageKey(), e.args());
        }
    }

    /** The text a moderator edits: the post's, or a thread's opening post's; empty for poll answers. */
    java.util.Optional<String> editableText(Target target) {
        return switch (target.type()) {
            case POST -> posts.postBody(target.id());
            case TOPIC -> posts.openingPostOf(target.id()).flatMap(posts::postBody);
            default -> java.util.Optional.empty();
        };
    }

    /** The post whose author hears of a decision: the post itself, or a thread's opening post. */
    java.util.Optional<Long> noticePost(Target target) {
        return switch (target.type()) {
            case POST -> java.util.Optional.of(target.id());
            case TOPIC -> posts.openingPostOf(target.id());
            default -> java.util.Optional.empty();
        };
    }

    private static boolean translate(java.util.function.BooleanSupplier change) {
        try {
            return change.getAsBoolean();
        } catch (DebateException e) {
            throw new ModerationException("reason".equals(e.field()) ? "reason" : null, e.messageKey(), e.args());
        } catch (PollException e) {
            throw new ModerationException(e.messageKey().startsWith("moderation.reason") ? "reason" : null,
                    e.messageKey(), e.args());
        }
    }
}
