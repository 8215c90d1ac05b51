package dev.ddb.standalone.hardening;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random strings for Unicode property tests, as UTF-16 Java strings: code points of every plane,
 * C0 controls and U+0000, noncharacters, the BOM, and what is not Unicode at all: lone high and
 * low surrogates and reversed pairs.
 */
final class UnicodeStrings {

    private UnicodeStrings() {
    }

    /** The cases that must always be tried first, the reported one ({@code "x\udfff"}) at the head. */
    static final List<String> FIXED = List.of(
            "x\udfff", "\udfff", "\ud800", "\ud800x", "x\ud800", "\udc00\ud800", "a\ud83d", "\ude00b", "\udbff\udbff",
            "\u0000", "a\u0000b", "\uffff", "\ufffe", "\ufeff", "\ufeffabc", "\ufdd0", "\ufdef", "\ud83f\udffe", "\udbff\udfff",
            "\ud800\udc00", "\ud83d\ude00", "\u0000\u0000", "é", "e\u0301", "\u202e", "\u2028", "\u0085", "\u007f", "\u001f",
            "#", ":", "", " ", "a.b", "[0]", "\ufffd", "\ud834\udd1e", "\u0130", "\u00df", "\ufb01");

    /** Whether every surrogate of {@code s} is half of a pair, i.e. {@code s} is real Unicode text. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A coarse class of a string, to group findings by. */
    static String classOf(String s) {
        if (!wellFormed(s)) {
            return "lone surrogate";
        }
        if (s.isEmpty()) {
            return "empty";
        }
        if (s.indexOf('\u0000') >= 0) {
            return "U+0000";
        }
        if (s.codePoints().anyMatch(UnicodeStrings::noncharacter)) {
            return "noncharacter";
        }
        if (s.indexOf('\ufeff') >= 0) {
            return "BOM";
        }
        if (s.codePoints().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "control";
        }
        if (s.codePoints().anyMatch(c -> c > 0xffff)) {
            return "supplementary";
        }
        if (s.codePoints().anyMatch(c -> c > 0x7f)) {
            return "BMP";
        }
        return "ASCII";
    }

    static boolean noncharacter(int c) {
        return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
    }

    /**
     * {@code count} distinct strings: {@link #FIXED}, then random ones of 1 to 8 units. Distinct, so
     * that two strings used as the same key never share an item.
     */
    static List<String> generate(Random random, int count) {
        Set<String> strings = new LinkedHashSet<>(FIXED);
        while (strings.size() < count) {
            StringBuilder s = new StringBuilder();
            int units = 1 + random.nextInt(8);
            for (int i = 0; i < units; i++) {
                s.append(unit(random));
            }
            strings.add(s.toString());
        }
        return new ArrayList<>(strings).subList(0, count);
    }

    private static String unit(Random random) {
        int roll = random.nextInt(100);
        if (roll < 20) {
            return String.valueOf((char) (0x20 + random.nextInt(0x5f))); // printable ASCII
        } else if (roll < 25) {
            return String.valueOf((char) random.nextInt(0x20)); // C0 controls, U+0000 included
        } else if (roll < 40) {
            int c;
            do {
                c = 0x80 + random.nextInt(0x10000 - 0x80);
            } while (Character.isSurrogate((char) c));
            return String.valueOf((char) c); // BMP
        } else if (roll < 58) {
            return new String(Character.toChars(0x10000 + random.nextInt(0x100000))); // planes 1 to 16
        } else if (roll < 64) {
            return String.valueOf((char) (0xd800 + random.nextInt(0x400))); // lone high surrogate
        } else if (roll < 70) {
            return String.valueOf((char) (0xdc00 + random.nextInt(0x400))); // lone low surrogate
        } else if (roll < 73) {
            return String.valueOf((char) (0xdc00 + random.nextInt(0x400))) + (char) (0xd800 + random.nextInt(0x400)); // reversed pair
        } else if (roll < 85) {
            int plane = random.nextInt(17);
            int[] nonCharacters = {0xfdd0 + random.nextInt(32), (plane << 16) | 0xfffe, (plane << 16) | 0xffff};
            return new String(Character.toChars(nonCharacters[random.nextInt(3)]));
        } else {
            String[] specials = {"\u0000", "\ufeff", "\uffff", "\ufffe", "\ufffd", "\u2028", "\u200b", "\u0301", "\u202e"};
            return specials[random.nextInt(specials.length)];
        }
    }
}
