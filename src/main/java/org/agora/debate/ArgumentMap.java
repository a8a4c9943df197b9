package org.agora.debate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread as an argument tree, like Kialo's: the opening post, then top-level arguments in a pro and a con
 * column (neutral ones beside them), each with the replies that support or challenge it nested beneath.
 * Siblings are ordered by how convincing members found them, then by age.
 */
public record ArgumentMap(Post opening, List<Node> pro, List<Node> con, List<Node> neutral) {
    public record Node(Post post, List<Node> children) {
        /** Number of posts in this subtree, this one included. */
        public int size() {
            return 1 + children.stream().mapToInt(Node::size).sum();
        }
    }

    static final Comparator<Post> MOST_CONVINCING = Comparator.comparingInt(Post::convincing).reversed()
            .thenComparing(Post::createdAt).thenComparingLong(Post::id);

    /** Builds the tree from a thread's posts in any order; a reply whose parent is missing is shown at top level. */
    public static ArgumentMap of(List<Post> posts) {
        Map<Long, List<Post>> children = new HashMap<>();
        Map<Long, Post> byId = new HashMap<>();
        posts.forEach(p -> byId.put(p.id(), p));
        Post opening = null;
        List<Post> roots = new ArrayList<>();
        for (Post p : posts) {
            if (p.opening()) {
                opening = p;
            } else if (p.parentId() != null && byId.containsKey(p.parentId()) && !byId.get(p.parentId()).opening()) {
                children.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
            } else {
                roots.add(p);
            }
        }
        roots.sort(MOST_CONVINCING);
        List<Node> pro = new ArrayList<>();
        List<Node> con = new ArrayList<>();
        List<Node> neutral = new ArrayList<>();
        for (Post root : roots) {
            Node node = node(root, children, 0);
            switch (root.stance()) {
                case PRO -> pro.add(node);
                case CON -> con.add(node);
                case NEUTRAL -> neutral.add(node);
            }
        }
        return new ArgumentMap(opening, List.copyOf(pro), List.copyOf(con), List.copyOf(neutral));
    }

    private static Node node(Post post, Map<Long, List<Post>> children, int depth) {
        List<Post> kids = new ArrayList<>(children.getOrDefault(post.id(), List.of()));
        kids.sort(MOST_CONVINCING);
        // depth guard: a tree is built from parent ids, which cannot form a cycle, but stay safe anyway
        List<Node> nodes = depth > 200 ? List.of() : kids.stream().map(k -> node(k, children, depth + 1)).toList();
        return new Node(post, nodes);
    }
}
