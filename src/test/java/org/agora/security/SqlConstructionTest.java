package org.agora.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Security case 2 (injection), from the code's side: every SQL statement in {@code src/main/java} is built from
 * literals and named constants only, and every value reaches PostgreSQL as a bound parameter. The test reads the
 * sources: a SQL literal glued ({@code +}) to a variable or a method call, a SQL text block {@code formatted} with
 * anything but constants, or {@code .sql(variable)} fails it — unless the place is listed in {@link #REVIEWED}
 * with the reason it is safe (each such variable is chosen among literals by a {@code switch}, never from input).
 */
class SqlConstructionTest {

    /** File name and the non-constant expression used in its SQL, with why it is safe. */
    private static final Map<String, String> REVIEWED = Map.of(
            "TopicRepository.java:keyset", "one of three literal keyset predicates chosen by a switch on the TopicSort enum",
            "TopicRepository.java:order", "one of three literal ORDER BY clauses chosen by a switch on the TopicSort enum",
            "BallotRepository.java:sql", "one of three literal recount queries chosen by a switch on the PollKind enum",
            "ReaderBallotRepository.java:sql", "one of three literal recount queries chosen by a switch on the PollKind enum");

    private static final Pattern SQL = Pattern.compile(
            "(?is)\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|\\swhere\\s|order\\s+by|"
                    + "\\sjoin\\s|returning\\s|on\\s+conflict|group\\s+by)\\b");
    private static final Pattern CONSTANT = Pattern.compile("([A-Z][A-Za-z0-9_]*\\.)?[A-Z][A-Z0-9_]*");

    record Literal(int start, int end, String text) {
    }

    record Finding(String file, String expression, String why) {
        @Override
        public String toString() {
            return file + ": " + why + " `" + expression + "`";
        }
    }

    @Test
    void sql_is_built_only_from_literals_and_constants_with_values_bound_as_parameters() throws IOException {
        var findings = new ArrayList<Finding>();
        int sqlLiterals = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                String name = file.getFileName().toString();
                for (Literal literal : literals(source)) {
                    if (!SQL.matcher(literal.text()).find()) {
                        continue;
                    }
                    sqlLiterals++;
                    check(name, source, literal, findings);
                }
                var call = Pattern.compile("\\.sql\\(\\s*([a-z][A-Za-z0-9_]*)\\s*\\)").matcher(source);
                while (call.find()) {
                    report(name, call.group(1), "SQL passed as a variable", findings);
                }
            }
        }
        assertThat(sqlLiterals).as("the scanner finds the repositories' SQL at all").isGreaterThan(150);
        assertThat(findings).as("SQL built from something other than literals and constants").isEmpty();
    }

    @Test
    void the_scanner_catches_concatenated_and_formatted_sql() {
        String unsafe = """
                class X {
                    void a(String name) { jdbc.sql("select * from account where username = '" + name + "'"); }
                    void b(String order) { jdbc.sql(\"\"\"
                            select * from poll order by %s
                            \"\"\".formatted(order)); }
                    void c() { jdbc.sql("select * from poll where id = " + id()); }
                    void d() { jdbc.sql(SELECT + " where id = :id").param("id", 1); }
                }
                """;
        var findings = new ArrayList<Finding>();
        for (Literal literal : literals(unsafe)) {
            if (SQL.matcher(literal.text()).find()) {
                check("X.java", unsafe, literal, findings);
            }
        }
        assertThat(findings).extracting(Finding::expression).containsExactlyInAnyOrder("name", "order", "id()");
    }

    private static void check(String file, String source, Literal literal, List<Finding> findings) {
        String after = source.substring(literal.end()).stripLeading();
        if (after.startsWith("+")) {
            String operand = operand(after.substring(1).stripLeading());
            if (!operand.isEmpty() && !CONSTANT.matcher(operand).matches()) {
                report(file, operand, "SQL concatenated with", findings);
            }
        }
        if (after.startsWith(".formatted(")) {
            String args = after.substring(".formatted(".length(), closing(after, ".formatted(".length() - 1));
            for (String arg : args.split(",")) {
                String a = arg.strip();
                if (!CONSTANT.matcher(a).matches()) {
                    report(file, a, "SQL formatted with", findings);
                }
            }
        }
        String before = source.substring(0, literal.start()).stripTrailing();
        if (before.endsWith("+")) {
            String head = before.substring(0, before.length() - 1).stripTrailing();
            var m = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)$").matcher(head);
            if (head.endsWith(")")) {
                report(file, head.substring(Math.max(0, head.length() - 30)).strip(), "SQL concatenated after a call", findings);
            } else if (m.find() && !CONSTANT.matcher(m.group(1)).matches()) {
                report(file, m.group(1), "SQL concatenated after", findings);
            }
        }
    }

    private static void report(String file, String expression, String why, List<Finding> findings) {
        if (!REVIEWED.containsKey(file + ":" + expression)) {
            findings.add(new Finding(file, expression, why));
        }
    }

    /** The operand after a {@code +}: a literal (empty: fine), or an identifier with any call or member access. */
    private static String operand(String s) {
        if (s.startsWith("\"")) {
            return "";
        }
        var m = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]*").matcher(s);
        if (!m.find()) {
            return s.substring(0, Math.min(20, s.length()));
        }
        String id = m.group();
        String rest = s.substring(id.length());
        return rest.startsWith("(") ? id + rest.substring(0, closing(rest, 0) + 1) : id;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    /** The string literals and text blocks of a Java source, skipping comments and char literals. */
    static List<Literal> literals(String s) {
        var out = new ArrayList<Literal>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
            } else if (s.startsWith("/*", i)) {
                i = s.indexOf("*/", i + 2) < 0 ? s.length() : s.indexOf("*/", i + 2) + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? s.length() : end + 3;
                out.add(new Literal(i, end, s.substring(i + 3, end - 3)));
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '"' && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(new Literal(i, j + 1, s.substring(i + 1, Math.min(j, s.length()))));
                i = j + 1;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '\'') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
