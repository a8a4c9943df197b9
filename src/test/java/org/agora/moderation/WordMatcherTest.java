package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.agora.shared.filter.Links;
import org.junit.jupiter.api.Test;

/** Matching rules of watched words and link hosts, without a database. */
class WordMatcherTest {
    private static WordMatcher words(String... words) {
        return new WordMatcher(java.util.Arrays.stream(words)
                .map(w -> new WatchedWord(1, w, WatchedWord.Action.BLOCK, null)).toList());
    }

    private static boolean blocks(WordMatcher m, String text) {
        return m.first(Links.normalize(text), WatchedWord.Action.BLOCK).isPresent();
    }

    @Test
    void words_ignore_case_compatibility_forms_and_format_characters() {
        var m = words("scam");
        assertThat(blocks(m, "SCAM")).isTrue();
        assertThat(blocks(m, "ｓｃａｍ")).isTrue();
        assertThat(blocks(m, "s\u200Bc\uFEFFa\u2060m")).isTrue();
        assertThat(blocks(m, "sc\u00ADam")).isTrue();
        assertThat(blocks(m, "scammer")).isFalse();
        assertThat(blocks(m, "a_scam")).isFalse();
        assertThat(blocks(m, "(scam)")).isTrue();
    }

    @Test
    void phrases_and_words_with_symbols_match() {
        assertThat(blocks(words("free  money"), "FREE\tmoney!")).isTrue();
        assertThat(blocks(words("$$$"), "win $$$ now")).isTrue();
        assertThat(blocks(words("ǅemal"), "DŽEMAL")).isTrue();
    }

    @Test
    void replacement_keeps_the_text_when_nothing_matches() {
        var m = new WordMatcher(List.of(new WatchedWord(1, "doomer", WatchedWord.Action.REPLACE, "pessimist")));
        String text = "Nothing to see ﬁne";
        assertThat(m.replace(text, Links.normalize(text))).isSameAs(text);
        assertThat(m.replace("A Doomer", Links.normalize("A Doomer"))).isEqualTo("A pessimist");
    }

    @Test
    void link_hosts_are_found_in_urls_markdown_and_www_addresses() {
        assertThat(Links.hosts("a https://User@Sub.Example.com:443/x, [b](http://b.example/y) and www.c.example."))
                .containsExactly("sub.example.com", "b.example", "www.c.example");
        assertThat(Links.hosts("ｈｔｔｐｓ://ｅｘａｍｐｌｅ．ｃｏｍ/x")).containsExactly("example.com");
        assertThat(Links.hosts("https://bücher.example")).containsExactly("xn--bcher-kva.example");
        assertThat(Links.hosts("no links, just example.com")).isEmpty();
        assertThat(Links.within("a.b.example.com", "example.com")).isTrue();
        assertThat(Links.within("badexample.com", "example.com")).isFalse();
    }
}
