package dev.ddb.gateway.console.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads Prometheus's text exposition format (version 0.0.4, what {@code /actuator/prometheus}
 * serves by default): comment lines are skipped, each sample line gives a name, labels and a value
 * (an optional timestamp after it is ignored). Neither Micrometer nor the Prometheus Java client
 * ships a reader of this format (only writers), and the grammar is a few rules, so it is read here.
 */
final class PrometheusText {

    private PrometheusText() {
    }

    /** The samples whose name {@code wanted} accepts; a malformed line is skipped, not fatal. */
    static List<PrometheusSample> parse(String text, Predicate<String> wanted) {
        List<PrometheusSample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int nameEnd = 0;
            while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ') {
                nameEnd++;
            }
            String name = line.substring(0, nameEnd);
            if (!wanted.test(name)) {
                continue;
            }
            try {
                samples.add(sample(line, name, nameEnd));
            } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
                // not a sample this reader understands: leave it out
            }
        }
        return samples;
    }

    private static PrometheusSample sample(String line, String name, int at) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = at;
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int equals = line.indexOf('=', i);
                String labelName = line.substring(i, equals).trim();
                if (line.charAt(equals + 1) != '"') {
                    throw new IllegalArgumentException("label value not quoted");
                }
                StringBuilder value = new StringBuilder();
                i = equals + 2;
                for (char c = line.charAt(i); c != '"'; c = line.charAt(++i)) {
                    if (c == '\\') {
                        char escaped = line.charAt(++i);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(labelName, value.toString());
                i++; // the closing quote
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++; // the closing brace
        }
        String[] rest = line.substring(i).trim().split(" +");
        return new PrometheusSample(name, labels, number(rest[0]));
    }

    private static double number(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }
}
