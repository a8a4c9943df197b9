package org.agora.poll.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {
    @Test
    void a_chart_describes_every_bar_in_words_and_escapes_labels() {
        String svg = BarChart.svg("Q <b>?", List.of(new BarChart.Bar("<script>x</script>", 3), new BarChart.Bar("B", 1)), 4);
        assertThat(svg).contains("role=\"img\"").contains("<title id=").contains("Q &lt;b&gt;?");
        assertThat(svg).contains("&lt;script&gt;x&lt;/script&gt;: 3 (75%)").contains("B: 1 (25%)");
        assertThat(svg).doesNotContain("<script>");
    }

    @Test
    void two_charts_never_share_element_ids() {
        String a = BarChart.svg("A", List.of(new BarChart.Bar("x", 1)), 1);
        String b = BarChart.svg("B", List.of(new BarChart.Bar("x", 1)), 1);
        String idA = a.replaceAll("(?s).*<title id=\"([^\"]+)\".*", "$1");
        assertThat(b).doesNotContain("id=\"" + idA + "\"");
    }

    @Test
    void percentages_handle_no_votes() {
        assertThat(BarChart.percent(0, 0)).isEqualTo("0%");
        assertThat(BarChart.percent(1, 3)).isEqualTo("33%");
    }
}
