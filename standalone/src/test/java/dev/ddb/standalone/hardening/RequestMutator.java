package dev.ddb.standalone.hardening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.ddb.standalone.hardening.JsonTree.Arr;
import dev.ddb.standalone.hardening.JsonTree.Member;
import dev.ddb.standalone.hardening.JsonTree.Num;
import dev.ddb.standalone.hardening.JsonTree.Obj;
import dev.ddb.standalone.hardening.JsonTree.Raw;

/**
 * Makes malformed requests out of valid ones: each mutation changes one place of the JSON tree
 * (or the whole body, or a header) in a way a broken or hostile client could, and says what it did.
 */
final class RequestMutator {

    /** A valid request to start from. */
    record Base(String target, String label, Obj body) {
    }

    /** A mutated request and what was done to it. */
    record Mutant(Wire.Call call, String label, String baseTarget, List<String> mutations) {
        String describe() {
            StringBuilder out = new StringBuilder(label).append(' ').append(mutations);
            if (!call.headers().isEmpty()) {
                out.append(" headers=").append(call.headers());
            }
            if (!baseTarget.equals(call.target())) {
                out.append(" target=").append(call.target() == null ? "(none)" : JsonTree.describe(call.target()));
            }
            return out.append(" body=").append(JsonTree.printable(call.body(), 700)).toString();
        }
    }

    private static final Set<String> VALUE_TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");

    /** Invalid UTF-8 byte sequences, each with what it is. */
    static final Map<String, byte[]> INVALID_UTF8 = new LinkedHashMap<>();

    static {
        INVALID_UTF8.put("overlong NUL C0 80", bytes(0xC0, 0x80));
        INVALID_UTF8.put("overlong C1 BF", bytes(0xC1, 0xBF));
        INVALID_UTF8.put("overlong E0 80 AF", bytes(0xE0, 0x80, 0xAF));
        INVALID_UTF8.put("above U+10FFFF F4 90 80 80", bytes(0xF4, 0x90, 0x80, 0x80));
        INVALID_UTF8.put("stray continuation 80", bytes(0x80));
        INVALID_UTF8.put("stray continuation BF BF", bytes(0xBF, 0xBF));
        INVALID_UTF8.put("CESU surrogate ED A0 80", bytes(0xED, 0xA0, 0x80));
        INVALID_UTF8.put("CESU surrogate ED BF BF", bytes(0xED, 0xBF, 0xBF));
        INVALID_UTF8.put("byte FF", bytes(0xFF));
        INVALID_UTF8.put("byte FE", bytes(0xFE));
        INVALID_UTF8.put("truncated E2 82", bytes(0xE2, 0x82));
        INVALID_UTF8.put("truncated F0 9F 98", bytes(0xF0, 0x9F, 0x98));
        INVALID_UTF8.put("5-byte F8 88 80 80 80", bytes(0xF8, 0x88, 0x80, 0x80, 0x80));
        INVALID_UTF8.put("raw NUL 00", bytes(0x00));
        INVALID_UTF8.put("raw newline 0A", bytes(0x0A));
        INVALID_UTF8.put("raw DEL 7F", bytes(0x7F));
    }

    private static final String[] LONE_SURROGATES = {"\udfff", "\ud800", "\udbff", "\udc00", "\udc00\ud800", "\udfff\udfff", "\ud83d"};

    private static final String[] N_STRINGS = {"١٢٣", "１２３", "۱۲۳", "1e400", "1E+126", "1E+127", "1E-130", "1E-131", "NaN", "Infinity",
        "-Infinity", "", " ", " 1", "1 ", "+1", "-", ".", "1.", ".5", "0x1F", "1_000", "1,5", "--1", "1e", "e1", "-0", "00001",
        "99999999999999999999999999999999999999", "999999999999999999999999999999999999999",
        "0.000000000000000000000000000000000000001234567890123456789012345678901234567890", "1e2147483648", "1e-2147483649",
        "1E9999999999999999999", "9".repeat(5000), "\u0661", "1\u0000", "²", "½", "1e+", "١e٢"};

    private static final String[] NUMBER_TOKENS = {"١٢٣", "2147483648", "2147483647", "-2147483649", "9223372036854775808",
        "-9223372036854775809", "1e400", "-1e400", "1e-400", "-0.5", "0.5", "1.5", "-0", "0", "-1", "01", "+1", ".5", "NaN",
        "Infinity", "-Infinity", "1" + "0".repeat(3000), "1E2147483648", "4294967296", "1000001", "1e2", "１"};

    private static final String[] BAD_BASE64 = {"QUI", "Q", "QQ=", "QUJDR", "QUJDRA", "====", "=", "!!!!", "QQ==\n", "QQ==QQ==",
        "-_-_", "Q Q=", "QQ==\u0000", "é", "QQ%3D%3D", "QUJD=", "\udfff", "data:;base64,QQ=="};

    private static final String[] SPECIAL_STRINGS = {"", " ", "null", "true", "0", "${jndi:ldap://x/a}", "%s%n%x", "../../etc/passwd",
        "\\", "\"", "<a/>", "#", ":", "[0]", ".", "a.b", "#undefined", ":undefined", "SET", "REMOVE", "size", "))))", "((((((((((",
        "a[99999999999999999999]", "a[-1]", "#a.#b[", "SET #a = :v, #a = :v", "attribute_exists(", "a = = b", "\u0000",
        "\t\n\r", "é", "\uD834\uDD1E", "\uFEFF", "\uFFFF", "\u2028", "ORDER BY", "' OR '1'='1", "a".repeat(300),
        "b".repeat(5000), "NoSuchTable", "LATEST", "TRIM_HORIZON", "ALL_NEW", "PROVISIONED"};

    private final Random random;

    RequestMutator(Random random) {
        this.random = random;
    }

    /** One malformed request made from a valid one by 0 to 5 mutations (about 5% stay valid). */
    Mutant mutate(Base base) {
        Obj body = (Obj) JsonTree.copy(base.body());
        List<String> mutations = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String[] target = {base.target()};
        byte[][] replacedBody = {null};
        int roll = random.nextInt(100);
        int count = roll < 5 ? 0 : roll < 60 ? 1 : roll < 85 ? 2 : 3 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            if (kind < 6) {
                mutations.add(mutateHeader(base, headers, target));
            } else if (kind < 13 && replacedBody[0] == null) {
                replacedBody[0] = replaceBody(body, mutations);
            } else {
                String done = null;
                for (int attempt = 0; attempt < 20 && done == null; attempt++) {
                    done = mutateTree(body);
                }
                if (done != null) {
                    mutations.add(done);
                }
            }
        }
        boolean rawUtf8 = random.nextInt(4) == 0;
        byte[] bytes = replacedBody[0] != null ? replacedBody[0] : JsonTree.write(body, rawUtf8);
        return new Mutant(new Wire.Call(target[0], bytes, headers, base.label()), base.label(), base.target(), mutations);
    }

    // ---- the tree ----

    /** A place in the tree: a member's value, a member's name or an array element. */
    private record Slot(String path, Supplier<Object> get, Consumer<Object> set, boolean name) {
    }

    private record Container(String path, Object node) {
    }

    private static void collect(Object node, String path, List<Slot> slots, List<Container> containers) {
        if (node instanceof Obj obj) {
            containers.add(new Container(path, obj));
            for (Member member : obj.members) {
                String childPath = path + "." + member.name;
                slots.add(new Slot(childPath, () -> member.value, v -> member.value = v, false));
                slots.add(new Slot(path + ".<" + member.name + ">", () -> member.name, v -> member.name = v, true));
                collect(member.value, childPath, slots, containers);
            }
        } else if (node instanceof Arr arr) {
            containers.add(new Container(path, arr));
            for (int i = 0; i < arr.items.size(); i++) {
                int index = i;
                String childPath = path + "[" + i + "]";
                slots.add(new Slot(childPath, () -> arr.items.get(index), v -> arr.items.set(index, v), false));
                collect(arr.items.get(i), childPath, slots, containers);
            }
        }
    }

    private String mutateTree(Obj root) {
        List<Slot> slots = new ArrayList<>();
        List<Container> containers = new ArrayList<>();
        collect(root, "", slots, containers);
        List<Slot> values = slots.stream().filter(s -> !s.name()).toList();
        List<Slot> names = slots.stream().filter(Slot::name).toList();
        List<Slot> strings = values.stream().filter(s -> s.get().get() instanceof String).toList();
        List<Slot> attributeValues = values.stream().filter(s -> isAttributeValue(s.get().get())).toList();
        List<Container> objects = containers.stream().filter(c -> c.node() instanceof Obj).toList();
        int kind = random.nextInt(100);
        if (kind < 12) {
            return typeSwap(pick(values));
        } else if (kind < 21) {
            return deleteMember(random.nextBoolean() ? objects.get(0) : pick(objects));
        } else if (kind < 27) {
            return addMember(pick(objects));
        } else if (kind < 30) {
            return duplicateMember(pick(objects));
        } else if (kind < 35) {
            return renameMember(pick(names));
        } else if (kind < 43) {
            return editString(pick(strings));
        } else if (kind < 52) {
            return invalidUnicode(pick(random.nextInt(4) == 0 ? names : strings));
        } else if (kind < 59) {
            return rawBytes(pick(random.nextInt(4) == 0 ? names : strings));
        } else if (kind < 67) {
            return editNumber(values);
        } else if (kind < 72) {
            return editBase64(strings);
        } else if (kind < 78) {
            return limits(objects);
        } else if (kind < 82) {
            return deepNesting(pick(random.nextBoolean() ? attributeValues : values));
        } else if (kind < 88) {
            return oversizedKey(strings);
        } else {
            return setsAndShapes(pick(attributeValues));
        }
    }

    private String typeSwap(Slot slot) {
        if (slot == null) {
            return null;
        }
        Object current = slot.get().get();
        Object replacement;
        do {
            replacement = anyValue();
        } while (sameJsonType(current, replacement));
        slot.set().accept(replacement);
        return "typeSwap(" + slot.path() + " <- " + brief(replacement) + ")";
    }

    private String deleteMember(Container container) {
        if (container == null || ((Obj) container.node()).members.isEmpty()) {
            return null;
        }
        Obj obj = (Obj) container.node();
        Member removed = obj.members.remove(random.nextInt(obj.members.size()));
        return "delete(" + container.path() + "." + removed.name + ")";
    }

    private String addMember(Container container) {
        if (container == null) {
            return null;
        }
        Obj obj = (Obj) container.node();
        String[] names = {"Unknown", "tablename", "__type", "", "\udfff", "x".repeat(1000), "TableName ", "$ref", "__proto__",
            "Item", "Key", "S", "N", "L", "M"};
        String name = names[random.nextInt(names.length)];
        Object value = anyValue();
        obj.members.add(random.nextInt(obj.members.size() + 1), new Member(name, value));
        return "add(" + container.path() + "." + JsonTree.describe(name) + " = " + brief(value) + ")";
    }

    private String duplicateMember(Container container) {
        if (container == null || ((Obj) container.node()).members.isEmpty()) {
            return null;
        }
        Obj obj = (Obj) container.node();
        Member original = obj.members.get(random.nextInt(obj.members.size()));
        Object value = random.nextBoolean() ? JsonTree.copy(original.value) : anyValue();
        obj.members.add(new Member(original.name, value));
        return "duplicateMember(" + container.path() + "." + original.name + " = " + brief(value) + ")";
    }

    private String renameMember(Slot slot) {
        if (slot == null) {
            return null;
        }
        Object name = slot.get().get();
        String text = name instanceof String s ? s : "x";
        Object renamed = switch (random.nextInt(7)) {
            case 0 -> "";
            case 1 -> text.toLowerCase();
            case 2 -> text + text;
            case 3 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
            case 4 -> text + LONE_SURROGATES[random.nextInt(LONE_SURROGATES.length)];
            case 5 -> "a".repeat(random.nextBoolean() ? 65536 : 256);
            default -> SPECIAL_STRINGS[random.nextInt(SPECIAL_STRINGS.length)];
        };
        slot.set().accept(renamed);
        return "rename(" + slot.path() + " -> " + brief(renamed) + ")";
    }

    private String editString(Slot slot) {
        if (slot == null) {
            return null;
        }
        String text = (String) slot.get().get();
        String edited;
        String what;
        switch (random.nextInt(8)) {
            case 0 -> {
                edited = text.substring(0, random.nextInt(text.length() + 1));
                what = "truncate";
            }
            case 1 -> {
                edited = text + text;
                what = "duplicate";
            }
            case 2 -> {
                int size = random.nextInt(10) == 0 ? 500_000 : 70_000;
                edited = (text.isEmpty() ? "x" : text).repeat(size / Math.max(1, text.length()) + 1);
                what = "repeat to " + edited.length() + " chars";
            }
            case 3 -> {
                edited = text + "\u0000\u0001\u001f";
                what = "control characters";
            }
            case 4 -> {
                edited = text + "é\uD83D\uDE00\u0301\u202E";
                what = "non-ASCII";
            }
            case 5 -> {
                // under 400 KB as UTF-8, several times that as escaped JSON (U+0000: 6 bytes, quote: 2)
                edited = (random.nextBoolean() ? "\u0000" : "\"").repeat(390_000);
                what = "390,000 characters that JSON escapes";
            }
            default -> {
                edited = SPECIAL_STRINGS[random.nextInt(SPECIAL_STRINGS.length)];
                what = "replace";
            }
        }
        slot.set().accept(edited);
        return "editString(" + slot.path() + ": " + what + " -> " + brief(edited) + ")";
    }

    private String invalidUnicode(Slot slot) {
        if (slot == null) {
            return null;
        }
        String text = slot.get().get() instanceof String s ? s : "x";
        String surrogate = LONE_SURROGATES[random.nextInt(LONE_SURROGATES.length)];
        int at = random.nextInt(text.length() + 1);
        // Never split a valid pair by accident: insert at a code point boundary.
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        String edited = text.substring(0, at) + surrogate + text.substring(at);
        slot.set().accept(edited);
        return "loneSurrogate(" + slot.path() + " -> " + JsonTree.describe(edited) + ")";
    }

    private String rawBytes(Slot slot) {
        if (slot == null) {
            return null;
        }
        String text = slot.get().get() instanceof String s ? s : "x";
        List<String> kinds = new ArrayList<>(INVALID_UTF8.keySet());
        String kind = kinds.get(random.nextInt(kinds.size()));
        int at = random.nextInt(text.length() + 1);
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        Raw raw = Raw.stringWithBytes(text.substring(0, at), INVALID_UTF8.get(kind), text.substring(at),
                JsonTree.describe(text.substring(0, at)) + "+[" + kind + "]+" + JsonTree.describe(text.substring(at)));
        slot.set().accept(raw);
        return "invalidUtf8(" + slot.path() + " -> " + raw + ")";
    }

    private String editNumber(List<Slot> values) {
        List<Slot> numbers = new ArrayList<>();
        for (Slot slot : values) {
            Object value = slot.get().get();
            if (value instanceof Num || (value instanceof String && (slot.path().endsWith(".N") || slot.path().contains(".NS[")))) {
                numbers.add(slot);
            }
        }
        Slot slot = pick(numbers);
        if (slot == null) {
            return null;
        }
        Object edited;
        if (slot.get().get() instanceof Num) {
            edited = random.nextInt(5) == 0 ? N_STRINGS[random.nextInt(N_STRINGS.length)]
                    : new Num(NUMBER_TOKENS[random.nextInt(NUMBER_TOKENS.length)]);
        } else {
            edited = random.nextInt(5) == 0 ? new Num(NUMBER_TOKENS[random.nextInt(NUMBER_TOKENS.length)])
                    : N_STRINGS[random.nextInt(N_STRINGS.length)];
        }
        slot.set().accept(edited);
        return "number(" + slot.path() + " <- " + brief(edited) + ")";
    }

    private String editBase64(List<Slot> strings) {
        Slot slot = pick(strings.stream().filter(s -> s.path().endsWith(".B") || s.path().contains(".BS[")).toList());
        if (slot == null) {
            return null;
        }
        String edited = BAD_BASE64[random.nextInt(BAD_BASE64.length)];
        slot.set().accept(edited);
        return "base64(" + slot.path() + " <- " + JsonTree.describe(edited) + ")";
    }

    private String limits(List<Container> objects) {
        Container container = random.nextInt(3) == 0 ? pick(objects) : objects.get(0);
        if (container == null) {
            return null;
        }
        String[] names = {"Limit", "Limit", "Segment", "TotalSegments", "Limit", "ReadCapacityUnits", "WriteCapacityUnits"};
        String name = names[random.nextInt(names.length)];
        Object value = random.nextInt(6) == 0 ? anyValue() : new Num(NUMBER_TOKENS[random.nextInt(NUMBER_TOKENS.length)]);
        ((Obj) container.node()).put(name, value);
        String done = "limit(" + container.path() + "." + name + " = " + brief(value) + ")";
        if (name.equals("Segment") && random.nextBoolean()) {
            Num total = new Num(NUMBER_TOKENS[random.nextInt(NUMBER_TOKENS.length)]);
            ((Obj) container.node()).put("TotalSegments", total);
            done += "+TotalSegments=" + total;
        }
        return done;
    }

    private String deepNesting(Slot slot) {
        if (slot == null) {
            return null;
        }
        int[] depths = {31, 32, 33, 34, 40, 100, 1000, 5000};
        int depth = depths[random.nextInt(depths.length)];
        Object value;
        String what;
        switch (random.nextInt(4)) {
            case 0, 1 -> {
                boolean list = random.nextBoolean();
                if (depth <= 100) {
                    Object inner = JsonTree.obj("S", "deep");
                    for (int i = 0; i < depth; i++) {
                        inner = list ? JsonTree.obj("L", JsonTree.arr(inner)) : JsonTree.obj("M", JsonTree.obj("d", inner));
                    }
                    value = inner;
                } else {
                    // written out flat: a tree this deep would overflow this test's own recursion
                    String open = list ? "{\"L\":[" : "{\"M\":{\"d\":";
                    String close = list ? "]}" : "}}";
                    value = Raw.of(open.repeat(depth) + "{\"S\":\"deep\"}" + close.repeat(depth));
                }
                what = (list ? "L" : "M") + " x" + depth;
            }
            case 2 -> {
                value = Raw.of("[".repeat(depth * 20) + "]".repeat(depth * 20));
                what = "JSON arrays x" + depth * 20;
            }
            default -> {
                value = Raw.of("{\"M\":".repeat(depth * 20) + "{}" + "}".repeat(depth * 20));
                what = "JSON objects x" + depth * 20;
            }
        }
        slot.set().accept(value);
        return "deepNesting(" + slot.path() + " <- " + what + ")";
    }

    private String oversizedKey(List<Slot> strings) {
        List<Slot> keys = strings.stream().filter(s -> s.path().matches(".*\\.(pk|rs)\\.S$")
                || s.path().matches(".*\\.(r|hb)\\.B$")).toList();
        Slot slot = pick(random.nextInt(5) == 0 ? strings : keys);
        if (slot == null) {
            return null;
        }
        int[] sizes = {1024, 1025, 2048, 2049, 4096, 400_000};
        int bytes = sizes[random.nextInt(sizes.length)];
        String value;
        String what;
        if (slot.path().endsWith(".B") || slot.path().contains(".BS[")) {
            byte[] data = new byte[bytes];
            random.nextBytes(data);
            value = Base64.getEncoder().encodeToString(data);
            what = bytes + " bytes binary";
        } else if (random.nextBoolean()) {
            value = "k".repeat(bytes);
            what = bytes + " ASCII bytes";
        } else {
            // two bytes a character: the byte count is what counts, not the character count
            value = "é".repeat(bytes / 2) + (bytes % 2 == 1 ? "k" : "");
            what = bytes + " bytes of 2-byte characters";
        }
        slot.set().accept(value);
        return "oversized(" + slot.path() + " <- " + what + ")";
    }

    private String setsAndShapes(Slot slot) {
        if (slot == null) {
            return null;
        }
        Object[] shapes = {
            JsonTree.obj("SS", JsonTree.arr()), JsonTree.obj("NS", JsonTree.arr()), JsonTree.obj("BS", JsonTree.arr()),
            JsonTree.obj("SS", JsonTree.arr("a", "a")), JsonTree.obj("NS", JsonTree.arr("1", "1.0")),
            JsonTree.obj("NS", JsonTree.arr("1", "01")), JsonTree.obj("NS", JsonTree.arr("1e2", "100")),
            JsonTree.obj("BS", JsonTree.arr("QQ==", "QQ==")), JsonTree.obj("SS", JsonTree.arr(JsonTree.num(1))),
            JsonTree.obj("SS", "a"), JsonTree.obj("SS", JsonTree.arr(JsonTree.NULL)), JsonTree.obj("L", JsonTree.obj()),
            JsonTree.obj("M", JsonTree.arr()), JsonTree.obj("S", "a", "N", "1"), JsonTree.obj(), JsonTree.obj("Z", "x"),
            JsonTree.obj("NULL", false), JsonTree.obj("NULL", "true"), JsonTree.obj("BOOL", "yes"), JsonTree.obj("N", JsonTree.num(5)),
            JsonTree.obj("S", JsonTree.NULL), JsonTree.obj("s", "lowercase"), JsonTree.obj("M", JsonTree.obj("", JsonTree.obj("S", "x"))),
            JsonTree.obj("B", JsonTree.num(123)), JsonTree.obj("S", ""), JsonTree.obj("B", ""), JsonTree.obj("N", ""),
            JsonTree.obj("SS", JsonTree.arr("")), JsonTree.obj("BS", JsonTree.arr("")),
            JsonTree.obj("L", JsonTree.arr(JsonTree.obj("SS", JsonTree.arr()))),
            JsonTree.obj("M", JsonTree.obj("a", JsonTree.obj("NS", JsonTree.arr("x")))),
            JsonTree.obj("S", "x", "S", "y"), JsonTree.obj("BOOL", JsonTree.NULL), JsonTree.obj("NULL", true, "S", "x"),
        };
        Object shape = JsonTree.copy(shapes[random.nextInt(shapes.length)]);
        slot.set().accept(shape);
        return "shape(" + slot.path() + " <- " + brief(shape) + ")";
    }

    // ---- whole bodies and headers ----

    private byte[] replaceBody(Obj body, List<String> mutations) {
        byte[] original = JsonTree.write(body);
        byte[] replaced;
        String what;
        switch (random.nextInt(26)) {
            case 0 -> { replaced = new byte[0]; what = "empty"; }
            case 1 -> { replaced = ascii("   \n"); what = "whitespace"; }
            case 2 -> { replaced = ascii("not json"); what = "text"; }
            case 3 -> { replaced = ascii("{"); what = "{"; }
            case 4 -> { replaced = ascii("}"); what = "}"; }
            case 5 -> { replaced = ascii("[]"); what = "empty array"; }
            case 6 -> { replaced = concat(ascii("["), original, ascii("]")); what = "array around the request"; }
            case 7 -> { replaced = ascii(new String[] {"null", "true", "1", "\"x\"", "-0.5", "1e400"}[random.nextInt(6)]); what = "scalar"; }
            case 8 -> { replaced = concat(bytes(0xEF, 0xBB, 0xBF), original); what = "UTF-8 BOM"; }
            case 9 -> { replaced = concat(original, ascii(" trailing")); what = "trailing garbage"; }
            case 10 -> { replaced = concat(original, ascii("}")); what = "extra }"; }
            case 11 -> {
                replaced = Arrays.copyOf(original, random.nextInt(Math.max(1, original.length)));
                what = "cut at " + replaced.length;
            }
            case 12 -> {
                replaced = original.clone();
                int at = random.nextInt(replaced.length);
                replaced[at] = (byte) random.nextInt(256);
                what = "byte " + at + " = " + (replaced[at] & 0xff);
            }
            case 13 -> { replaced = bytes(0x00, 0x01, 0x02, 0xFF); what = "binary"; }
            case 14 -> { replaced = ascii("<?xml version=\"1.0\"?><a/>"); what = "XML"; }
            case 15 -> { replaced = ascii("{\"TableName\":\"NoSuchTable\",}"); what = "trailing comma"; }
            case 16 -> { replaced = ascii("{'TableName':'NoSuchTable'}"); what = "single quotes"; }
            case 17 -> { replaced = ascii("{TableName:\"NoSuchTable\"}"); what = "unquoted name"; }
            case 18 -> { replaced = ascii("/* c */ {\"TableName\":\"NoSuchTable\"}"); what = "comment"; }
            case 19 -> { replaced = new String(original, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16); what = "UTF-16"; }
            case 20 -> { replaced = bytes(0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00); what = "gzip header"; }
            case 21 -> { replaced = ascii("[".repeat(100_000) + "]".repeat(100_000)); what = "100000 nested arrays"; }
            case 22 -> { replaced = ascii("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)); what = "50000 nested objects"; }
            case 23 -> {
                byte[] bad = INVALID_UTF8.values().toArray(new byte[0][])[random.nextInt(INVALID_UTF8.size())];
                int at = random.nextInt(original.length + 1);
                replaced = concat(Arrays.copyOf(original, at), bad, Arrays.copyOfRange(original, at, original.length));
                what = "invalid UTF-8 at " + at;
            }
            case 24 -> { replaced = ascii("{}"); what = "{}"; }
            default -> {
                int size = random.nextInt(4) == 0 ? 17_000_000 : 2_000_000;
                replaced = concat(Arrays.copyOf(original, original.length - 1), ascii(",\"Padding\":\"" + "p".repeat(size) + "\"}"));
                what = "padded to " + replaced.length + " bytes";
            }
        }
        mutations.add("body(" + what + ")");
        return replaced;
    }

    private String mutateHeader(Base base, Map<String, String> headers, String[] target) {
        String operation = base.target().substring(base.target().indexOf('.') + 1);
        switch (random.nextInt(4)) {
            case 0, 1 -> {
                String[] targets = {null, "", Wire.dynamodb(operation.toLowerCase()), Wire.dynamodb(operation + "s"),
                    Wire.dynamodb("DescribeStream"), Wire.streams("PutItem"), Wire.dynamodb("TransactWriteItems"),
                    Wire.dynamodb("TransactGetItems"), Wire.dynamodb("ExecuteStatement"), Wire.dynamodb("CreateBackup"),
                    Wire.dynamodb("ListBackups"), Wire.dynamodb("DescribeTimeToLive"), Wire.dynamodb("TagResource"),
                    Wire.dynamodb("DescribeLimits"), Wire.dynamodb("DescribeEndpoints"), Wire.dynamodb("DescribeContinuousBackups"),
                    Wire.dynamodb("RestoreTableToPointInTime"), Wire.dynamodb("UpdateTimeToLive"),
                    Wire.dynamodb(operation) + ".Extra", "DynamoDB_20120810", "DynamoDB_20120810.", "X".repeat(10_000),
                    Wire.dynamodb("__proto__"), Wire.dynamodb("toString"), "DynamoDB_20111205." + operation, operation,
                    Wire.streams(operation), Wire.dynamodb(" " + operation), "dynamodb_20120810." + operation};
                target[0] = targets[random.nextInt(targets.length)];
                return "target(" + (target[0] == null ? "none" : JsonTree.describe(target[0])) + ")";
            }
            case 2 -> {
                String[] values = {null, "AWS4-HMAC-SHA256", "Basic YTpi", "AWS4-HMAC-SHA256 Signature=abc", "", "AWS4-HMAC-SHA256 Credential="};
                String value = values[random.nextInt(values.length)];
                headers.put("Authorization", value);
                return "authorization(" + value + ")";
            }
            default -> {
                String[] values = {null, "text/plain", "application/json", "application/x-amz-json-1.1", "application/cbor",
                    "application/x-amz-json-1.0; charset=latin1", "multipart/form-data; boundary=x"};
                String value = values[random.nextInt(values.length)];
                headers.put("Content-Type", value);
                return "contentType(" + value + ")";
            }
        }
    }

    // ---- values ----

    private Object anyValue() {
        Object[] values = {"str", "", "\udfff", JsonTree.num("0"), JsonTree.num("-1"), JsonTree.num("2147483648"),
            JsonTree.num("-2147483649"), JsonTree.num("9223372036854775808"), JsonTree.num("1e400"), JsonTree.num("-0.5"),
            JsonTree.num("1.5"), JsonTree.num("-0"), JsonTree.num("1E-400"), JsonTree.num("1" + "0".repeat(60)), true, false,
            JsonTree.NULL, JsonTree.arr(), JsonTree.arr("x"), JsonTree.arr(JsonTree.num(1)), JsonTree.arr(JsonTree.obj()),
            JsonTree.obj(), JsonTree.obj("S", "x"), JsonTree.obj("Unknown", JsonTree.num(1)), JsonTree.arr(JsonTree.NULL, JsonTree.NULL)};
        return JsonTree.copy(values[random.nextInt(values.length)]);
    }

    private static boolean sameJsonType(Object a, Object b) {
        return jsonType(a).equals(jsonType(b));
    }

    private static String jsonType(Object value) {
        if (value instanceof Obj) {
            return "object";
        } else if (value instanceof Arr) {
            return "array";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Num) {
            return "number";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value == JsonTree.NULL) {
            return "null";
        }
        return "raw";
    }

    private static boolean isAttributeValue(Object value) {
        return value instanceof Obj obj && obj.members.size() == 1 && VALUE_TYPES.contains(obj.members.get(0).name);
    }

    private <T> T pick(List<T> list) {
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }

    static String brief(Object value) {
        if (value instanceof String s) {
            return JsonTree.describe(s);
        }
        if (value instanceof Obj || value instanceof Arr) {
            return JsonTree.printable(JsonTree.write(value), 80);
        }
        return String.valueOf(value).length() > 80 ? String.valueOf(value).substring(0, 80) + "..." : String.valueOf(value);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
