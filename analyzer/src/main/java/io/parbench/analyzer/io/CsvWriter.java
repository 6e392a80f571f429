package io.parbench.analyzer.io;

import java.util.List;

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
public final class CsvWriter {

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?Infinity");

    private CsvWriter() {
    }

    public static String write(List<String> headers, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, headers);
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        sb.append("\r\n");
    }

    static String field(String s) {
        if (s == null) {
            return "";
        }
        // A leading = + - @ (or a tab or carriage return before one) makes a spreadsheet evaluate the cell (OWASP, CSV
        // injection); numbers such as -1.5 or +3 keep their sign.
        boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !isNumber(s);
        String v = formula ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches();
    }
}
