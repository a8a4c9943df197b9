package org.agora.poll.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.agora.poll.api.PollJson.AnswerCount;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {
    @Test
    void cells_a_spreadsheet_would_run_as_formulas_start_with_a_quote() {
        assertThat(ResultsCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(ResultsCsv.cell("+1")).isEqualTo("'+1");
        assertThat(ResultsCsv.cell("-1")).isEqualTo("'-1");
        assertThat(ResultsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ResultsCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(ResultsCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(ResultsCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(ResultsCsv.cell("")).isEmpty();
        assertThat(ResultsCsv.cell(null)).isEmpty();
    }

    @Test
    void cells_with_commas_quotes_or_line_breaks_are_quoted_per_rfc_4180() {
        assertThat(ResultsCsv.cell("Yes, really")).isEqualTo("\"Yes, really\"");
        assertThat(ResultsCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ResultsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ResultsCsv.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }

    @Test
    void a_header_row_then_one_row_per_answer_with_crlf_line_ends() {
        var csv = ResultsCsv.of(List.of(new AnswerCount(1L, null, "Yes", 2, 66.7), new AnswerCount(2L, null, "No", 1, 33.3)));
        assertThat(csv).isEqualTo("answer,count,percent\r\nYes,2,66.7\r\nNo,1,33.3\r\n");
    }
}
