package org.agora.debate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agora.account.AccountService;
import org.agora.shared.db.DatabaseMode;
import org.agora.shared.text.Markdown;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few arguments on each side of the seeded threads, written by the demo accounts, so a first visitor sees a
 * living debate. Embedded database only (like the accounts), and only into threads nobody has posted in.
 */
@Component
@Order(30)
class DemoDebate implements ApplicationRunner {
    private record Seed(String author, Stance stance, String body, Integer replyTo, Relation relation) {
    }

    private static final Map<Long, List<Seed>> SEEDS = Map.of(
            1L, List.of(
                    new Seed("alice", Stance.PRO, "Most office work is reading, writing and deciding from documents. That is exactly what language models got good at between 2023 and 2026. I expect most of those jobs to be *automated in all but name* before 2040.", null, null),
                    new Seed("bob", Stance.CON, "Every wave of automation destroyed tasks, not jobs. Bank tellers grew in number for decades after ATMs. Jobs are bundles of tasks, and people keep finding new bundles.", null, null),
                    new Seed("moderator", Stance.PRO, "The ATM comparison cuts both ways: teller numbers did fall once online banking arrived. A technology that does *every* task is a different thing from one that does one.", 1, Relation.CHALLENGES)),
            2L, List.of(
                    new Seed("bob", Stance.PRO, "Meaning never came from being the best. Almost nobody is the best at anything, and their lives still matter to them and to others.", null, null),
                    new Seed("alice", Stance.CON, "For many people work *is* where meaning comes from: being needed. If nobody needs what you do, that is a real loss, not a philosophical puzzle.", null, null),
                    new Seed("admin", Stance.PRO, "Being needed by people you love does not depend on being better than a machine at your job.", 1, Relation.CHALLENGES)),
            3L, List.of(
                    new Seed("alice", Stance.CON, "AI has no preferences of its own to fulfil. \"Giving it meaning\" is a poetic way to say *deciding what it is for* — which is governance, not a new human role.", null, null),
                    new Seed("bob", Stance.PRO, "Deciding what powerful systems are for may be the most important role humans ever had. Call it governance if you like; it is still a role.", 1, Relation.CHALLENGES)),
            4L, List.of(
                    new Seed("bob", Stance.PRO, "By late 2024 Grok 2 ranked near the top of public leaderboards, and Colossus was built in months. On capability benchmarks the gap had mostly closed.", null, null),
                    new Seed("alice", Stance.CON, "Near the top is not caught up. At the end of 2024 OpenAI had o1 and DeepMind had Gemini 2.0; both led on reasoning tasks and neither was behind xAI on anything measured.", null, null),
                    new Seed("moderator", Stance.NEUTRAL, "To resolve this fairly we need criteria fixed in advance: which benchmarks, measured on which date. Suggestions welcome.", null, null)),
            5L, List.of(
                    new Seed("alice", Stance.CON, "At the end of 2025 no AI system could reliably do a plumber's, a nurse's or a lab scientist's job. \"Everything\" includes the physical world.", null, null),
                    new Seed("bob", Stance.PRO, "On cognitive benchmarks — exams, coding contests, maths olympiads — the best systems were already above nearly all humans by 2025.", null, null),
                    new Seed("alice", Stance.CON, "Benchmarks are not everything. The claim was *everything better than humans*, not *exams better than most humans*.", 2, Relation.CHALLENGES)),
            6L, List.of(
                    new Seed("bob", Stance.PRO, "Every big capability jump so far came with more compute. Betting on 100,000 GPUs is betting on the one trend that has held.", null, null),
                    new Seed("alice", Stance.CON, "Scaling returns are flattening and the energy bill is not. Better algorithms and data did more per dollar in 2025 than raw compute.", null, null)),
            7L, List.of(
                    new Seed("alice", Stance.NEUTRAL, "My ranking: algorithms, data, compute, talent, energy, regulation. Compute matters, but it is the easiest to buy.", null, null),
                    new Seed("bob", Stance.NEUTRAL, "Energy first: you cannot run a gigafactory of compute without a power plant beside it.", null, null)),
            8L, List.of(
                    new Seed("bob", Stance.PRO, "Given the pace from 2022 to 2026, 2030 is four more years of the same slope. I put it above 50%.", null, null),
                    new Seed("alice", Stance.CON, "\"Across the board\" includes long-horizon planning, physical skill and common sense in new situations. Those have improved far slower. Well under 50%.", null, null)));

    private final PostRepository posts;
    private final TopicRepository topics;
    private final AccountService accounts;
    private final DatabaseMode database;
    private final Clock clock;
    private final boolean enabled;

    DemoDebate(PostRepository posts, TopicRepository topics, AccountService accounts,
               DatabaseMode database, Clock clock, @Value("${agora.demo-data:true}") boolean enabled) {
        this.posts = posts;
        this.topics = topics;
        this.accounts = accounts;
        this.database = database;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || !database.isEmbedded()) {
            return;
        }
        Instant start = clock.instant().minus(Duration.ofDays(3));
        SEEDS.forEach((topicId, seeds) -> {
            if (topics.find(topicId).isEmpty() || posts.hasReplies(topicId)) {
                return;
            }
            var ids = new java.util.ArrayList<Long>();
            for (int i = 0; i < seeds.size(); i++) {
                Seed seed = seeds.get(i);
                long author = accounts.findByUsername(seed.author()).orElseThrow().id().value();
                Long parent = seed.replyTo() == null ? null : ids.get(seed.replyTo() - 1);
                Instant at = start.plus(Duration.ofHours(topicId * 3 + i));
                long id = posts.insert(topicId, author, parent, seed.stance(), seed.relation(), seed.body(),
                        Markdown.toHtml(seed.body()), false, null, at).orElseThrow();
                ids.add(id);
                topics.countPost(topicId, seed.stance(), true, at);
                if (parent != null) {
                    posts.countReply(parent, 1);
                }
            }
        });
    }
}
