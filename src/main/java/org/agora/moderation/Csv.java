package org.agora.moderation;

import java.util.List;

/**
 * CSV (RFC 4180, CRLF line ends) whose cells a spreadsheet will never run as formulas: a cell starting with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '} (OWASP's advice on CSV injection).
 */
final class Csv {
    private Csv() {
    }

    static String row(List<?> cells) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i) == null ? "" : String.valueOf(cells.get(i))));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
