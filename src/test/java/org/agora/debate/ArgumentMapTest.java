package org.agora.debate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentMapTest {
    private static final Author A = new Author(1, "a", "A");

    private static Post post(long id, Long parent, Stance stance, int convincing, boolean opening) {
        return new Post(id, 1, A, parent, stance, parent == null ? null : Relation.CHALLENGES, "b", "b", opening,
                Instant.ofEpochSecond(id), null, null, 0, convincing, 0);
    }

    @Test
    void the_map_splits_top_level_arguments_by_stance_and_nests_replies() {
        var map = ArgumentMap.of(List.of(post(1, null, Stance.NEUTRAL, 0, true), post(2, null, Stance.PRO, 0, false),
                post(3, null, Stance.CON, 0, false), post(4, 2L, Stance.CON, 0, false), post(5, 4L, Stance.PRO, 0, false)));
        assertThat(map.opening().id()).isEqualTo(1);
        assertThat(map.pro()).singleElement().satisfies(n -> {
            assertThat(n.children()).singleElement().satisfies(c -> {
                assertThat(c.post().id()).isEqualTo(4);
                assertThat(c.children()).extracting(x -> x.post().id()).containsExactly(5L);
            });
        });
        assertThat(map.con()).extracting(n -> n.post().id()).containsExactly(3L);
    }

    @Test
    void every_post_appears_exactly_once_whatever_the_order() {
        var posts = new ArrayList<Post>();
        posts.add(post(1, null, Stance.NEUTRAL, 0, true));
        var random = new java.util.Random(42);
        for (long id = 2; id < 300; id++) {
            Long parent = random.nextInt(3) == 0 ? null : (long) (2 + random.nextInt((int) id - 1));
            if (parent != null && parent >= id) {
                parent = null;
            }
            posts.add(post(id, parent, Stance.values()[random.nextInt(3)], random.nextInt(5), false));
        }
        java.util.Collections.shuffle(posts, random);
        var map = ArgumentMap.of(posts);
        int total = 1 + map.pro().stream().mapToInt(ArgumentMap.Node::size).sum()
                + map.con().stream().mapToInt(ArgumentMap.Node::size).sum()
                + map.neutral().stream().mapToInt(ArgumentMap.Node::size).sum();
        assertThat(total).isEqualTo(posts.size());
    }

    @Test
    void replies_to_the_opening_post_or_to_missing_posts_stand_at_top_level() {
        var map = ArgumentMap.of(List.of(post(1, null, Stance.NEUTRAL, 0, true), post(2, 1L, Stance.PRO, 0, false),
                post(3, 99L, Stance.CON, 0, false)));
        assertThat(map.pro()).extracting(n -> n.post().id()).containsExactly(2L);
        assertThat(map.con()).extracting(n -> n.post().id()).containsExactly(3L);
    }

    @Test
    void siblings_are_ordered_most_convincing_first() {
        var map = ArgumentMap.of(List.of(post(2, null, Stance.PRO, 1, false), post(3, null, Stance.PRO, 5, false),
                post(4, null, Stance.PRO, 1, false)));
        assertThat(map.pro()).extracting(n -> n.post().id()).containsExactly(3L, 2L, 4L);
    }
}
