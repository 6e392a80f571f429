package io.parbench.analyzer.io;

import java.util.List;

/** A LaTeX tabular (booktabs) for papers; every cell is escaped. */
public final class LatexWriter {

    private LatexWriter() {
    }

    public static String table(String caption, List<String> headers, List<List<String>> rows, boolean[] numeric) {
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            spec.append(i < numeric.length && numeric[i] ? 'r' : 'l');
        }
        StringBuilder sb = new StringBuilder();
        sb.append("% Requires \\usepackage{booktabs}\n\\begin{table}[ht]\n\\centering\n\\small\n")
                .append("\\begin{tabular}{").append(spec).append("}\n\\toprule\n");
        sb.append(String.join(" & ", headers.stream().map(LatexWriter::esc).toList())).append(" \\\\\n\\midrule\n");
        for (List<String> r : rows) {
            sb.append(String.join(" & ", r.stream().map(LatexWriter::esc).toList())).append(" \\\\\n");
        }
        sb.append("\\bottomrule\n\\end{tabular}\n\\caption{").append(esc(caption)).append("}\n\\end{table}\n");
        return sb.toString();
    }

    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                case '±' -> sb.append("$\\pm$");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
