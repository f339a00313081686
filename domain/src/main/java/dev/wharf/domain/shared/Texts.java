package dev.wharf.domain.shared;

/**
 * Text as it may be kept: cut at a length, never in the middle of a surrogate pair; names and identifiers without
 * control characters; free text without NUL, which PostgreSQL cannot store in a text column.
 */
public final class Texts {
    private Texts() {}

    /** Whether {@code text} holds a control character (C0, DEL or C1); null holds none. */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    /** {@code text} with every NUL replaced by U+FFFD; null stays null. */
    public static String withoutNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    /** {@code text} cut to at most {@code max} UTF-16 units; null stays null. */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
