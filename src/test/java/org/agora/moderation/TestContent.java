package org.agora.moderation;

import java.util.List;
import java.util.UUID;
import org.agora.account.Account;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Post;
import org.agora.debate.Stance;
import org.agora.debate.Topic;
import org.springframework.stereotype.Component;

/** Posts and threads written by fresh members, for moderation tests; leaves nobody signed in. */
@Component
class TestContent {
    /** A thread and one reply in it, each by its own author. */
    record Written(Account author, Topic topic, Post post) {
    }

    private final TestAccounts accounts;
    private final DebateService debates;

    TestContent(TestAccounts accounts, DebateService debates) {
        this.accounts = accounts;
        this.debates = debates;
    }

    Written post(String body) {
        var starter = accounts.member();
        accounts.signIn(starter);
        var topic = debates.startTopic("Moderation test " + UUID.randomUUID() + "?", 2, List.of(), Stance.NEUTRAL,
                "An opening post", null);
        var author = accounts.member();
        accounts.signIn(author);
        var post = debates.post(topic.id(), null, Stance.CON, null, body, null);
        TestAccounts.signOut();
        return new Written(author, topic, post);
    }

    Account moderator() {
        return accounts.moderator();
    }
}
