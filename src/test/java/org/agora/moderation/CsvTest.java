package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void cells_a_spreadsheet_would_run_as_formulas_get_a_leading_quote() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Csv.cell("plain words")).isEqualTo("plain words");
    }

    @Test
    void rows_quote_commas_quotes_and_newlines_and_end_with_crlf() {
        assertThat(Csv.row(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, 3)))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,3\r\n");
    }
}
