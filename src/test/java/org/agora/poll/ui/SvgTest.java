package org.agora.poll.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgTest {
    @Test
    void text_is_escaped_and_characters_xml_cannot_hold_are_dropped() {
        assertThat(Svg.esc("<a href='x'>&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
        assertThat(Svg.esc("a\u0000b\u001Fc\td\uFFFE")).isEqualTo("abc\td");
        assertThat(Svg.esc("ok \uD83D\uDE00 broken \uD83D")).isEqualTo("ok \uD83D\uDE00 broken ");
        assertThat(Svg.esc("Prévision … ≥ 50 %")).isEqualTo("Prévision … ≥ 50 %");
        assertThat(Svg.esc(null)).isEmpty();
    }

    @Test
    void coordinates_have_one_decimal_in_any_locale() {
        assertThat(Svg.num(316)).isEqualTo("316.0");
        assertThat(Svg.num(122.5)).isEqualTo("122.5");
        assertThat(Svg.num(1.26)).isEqualTo("1.3");
        assertThat(Svg.num(-0.06)).isEqualTo("-0.1");
        assertThat(Svg.num(-0.04)).isEqualTo("0.0");
    }

    @Test
    void percentages_show_a_decimal_only_when_they_have_one() {
        assertThat(Svg.percent(62)).isEqualTo("62%");
        assertThat(Svg.percent(62.5)).isEqualTo("62.5%");
    }
}
