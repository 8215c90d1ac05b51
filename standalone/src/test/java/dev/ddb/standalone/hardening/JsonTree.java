package dev.ddb.standalone.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny mutable JSON tree with a writer that does exactly what it is told, which no real JSON
 * library does: lone surrogates are written as {@code \\uXXXX} escapes, raw bytes (invalid UTF-8,
 * broken tokens) go out verbatim, members may repeat and number tokens are written as given.
 *
 * <p>Values are {@link Obj}, {@link Arr}, {@link String}, {@link Num}, {@link Boolean},
 * {@link #NULL} and {@link Raw}; a member name is a {@link String} or a {@link Raw}.
 */
final class JsonTree {

    private JsonTree() {
    }

    /** JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON object; members keep their order and may repeat. */
    static final class Obj {
        final List<Member> members = new ArrayList<>();

        Obj put(Object name, Object value) {
            for (Member member : members) {
                if (member.name.equals(name)) {
                    member.value = value;
                    return this;
                }
            }
            members.add(new Member(name, value));
            return this;
        }

        Object get(String name) {
            for (Member member : members) {
                if (member.name.equals(name)) {
                    return member.value;
                }
            }
            return null;
        }

        boolean remove(String name) {
            return members.removeIf(member -> member.name.equals(name));
        }
    }

    static final class Member {
        Object name;
        Object value;

        Member(Object name, Object value) {
            this.name = name;
            this.value = value;
        }
    }

    /** A JSON array. */
    static final class Arr {
        final List<Object> items = new ArrayList<>();
    }

    /** A number token written exactly as given (which may make the document invalid, e.g. {@code ١٢٣} or {@code NaN}). */
    record Num(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Bytes written verbatim where a value or a member name goes. */
    record Raw(byte[] bytes, String label) {
        static Raw of(String text) {
            return new Raw(text.getBytes(StandardCharsets.UTF_8), text.length() > 40 ? text.substring(0, 40) + "..." : text);
        }

        /** A JSON string whose content is {@code prefix}, the raw bytes, then {@code suffix} (the quotes around it are added). */
        static Raw stringWithBytes(String prefix, byte[] middle, String suffix, String label) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write('"');
            writeStringContent(out, prefix, false);
            out.writeBytes(middle);
            writeStringContent(out, suffix, false);
            out.write('"');
            return new Raw(out.toByteArray(), label);
        }

        @Override
        public String toString() {
            return "raw(" + label + ")";
        }
    }

    static Obj obj(Object... namesAndValues) {
        Obj obj = new Obj();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            obj.members.add(new Member(namesAndValues[i], namesAndValues[i + 1]));
        }
        return obj;
    }

    static Arr arr(Object... items) {
        Arr arr = new Arr();
        arr.items.addAll(List.of(items));
        return arr;
    }

    static Num num(String text) {
        return new Num(text);
    }

    static Num num(long value) {
        return new Num(Long.toString(value));
    }

    static Object copy(Object value) {
        if (value instanceof Obj obj) {
            Obj copy = new Obj();
            for (Member member : obj.members) {
                copy.members.add(new Member(member.name, copy(member.value)));
            }
            return copy;
        }
        if (value instanceof Arr arr) {
            Arr copy = new Arr();
            for (Object item : arr.items) {
                copy.items.add(copy(item));
            }
            return copy;
        }
        return value; // immutable leaves
    }

    /** Serializes with every non-ASCII character as a {@code \\u} escape. */
    static byte[] write(Object value) {
        return write(value, false);
    }

    /**
     * @param rawUtf8 write well-formed non-ASCII text as UTF-8 bytes instead of escapes (lone
     *                surrogates are always escaped: they have no UTF-8 form)
     */
    static byte[] write(Object value, boolean rawUtf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value, rawUtf8);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value, boolean rawUtf8) {
        if (value instanceof Obj obj) {
            out.write('{');
            boolean first = true;
            for (Member member : obj.members) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                write(out, member.name, rawUtf8);
                out.write(':');
                write(out, member.value, rawUtf8);
            }
            out.write('}');
        } else if (value instanceof Arr arr) {
            out.write('[');
            boolean first = true;
            for (Object item : arr.items) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                write(out, item, rawUtf8);
            }
            out.write(']');
        } else if (value instanceof String text) {
            out.write('"');
            writeStringContent(out, text, rawUtf8);
            out.write('"');
        } else if (value instanceof Raw raw) {
            out.writeBytes(raw.bytes());
        } else if (value instanceof Num || value instanceof Boolean || value == NULL) {
            out.writeBytes(value.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalArgumentException("Not a JSON tree value: " + value);
        }
    }

    static void writeStringContent(ByteArrayOutputStream out, String text, boolean rawUtf8) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.write(c);
            } else if (rawUtf8 && c >= 0x80 && !Character.isSurrogate(c)) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else if (rawUtf8 && Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else {
                out.writeBytes(String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Java source-like rendering of a string, for failure messages: non-printable and non-ASCII as \\uXXXX, runs collapsed. */
    static String describe(String text) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(text.length(), 20_000);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        String body = collapseRuns(out.toString());
        if (body.length() > 160) {
            body = body.substring(0, 160) + "...(" + text.length() + " chars)";
        }
        return '"' + body + '"';
    }

    /**
     * A request body for a failure report: printable ASCII kept, every other byte as \\xNN, runs of
     * a repeated unit (up to 8 characters) collapsed to {@code unit{xN}}, cut at {@code max} characters.
     */
    static String printable(byte[] bytes, int max) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(bytes.length, 200_000);
        for (int i = 0; i < limit; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        String text = collapseRuns(out.toString());
        boolean cut = text.length() > max || limit < bytes.length;
        if (text.length() > max) {
            text = text.substring(0, max);
        }
        return cut ? text + "...(" + bytes.length + " bytes)" : text;
    }

    private static String collapseRuns(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            boolean collapsed = false;
            for (int period = 1; period <= 8 && i + period <= text.length(); period++) {
                String unit = text.substring(i, i + period);
                int repeats = 1;
                while (text.startsWith(unit, i + repeats * period)) {
                    repeats++;
                }
                if (repeats * period >= 24 && repeats >= 4) {
                    out.append(unit).append("{x").append(repeats).append('}');
                    i += repeats * period;
                    collapsed = true;
                    break;
                }
            }
            if (!collapsed) {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
