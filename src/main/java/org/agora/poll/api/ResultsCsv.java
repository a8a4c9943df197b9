package org.agora.poll.api;

import java.util.List;
import org.agora.poll.api.PollJson.AnswerCount;

/**
 * Results as CSV (RFC 4180: comma-separated, CRLF line ends, a cell quoted when it holds a comma, quote or line
 * break). Labels are written by members, so a cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is prefixed with a single quote (OWASP's advice).
 */
final class ResultsCsv {
    static final String HEADER = "answer,count,percent";

    private ResultsCsv() {
    }

    static String of(List<AnswerCount> answers) {
        var csv = new StringBuilder(HEADER).append("\r\n");
        for (AnswerCount a : answers) {
            csv.append(cell(a.label())).append(',').append(a.count()).append(',').append(a.percentText()).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
