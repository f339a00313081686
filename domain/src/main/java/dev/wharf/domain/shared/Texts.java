package dev.wharf.domain.shared;

/** Bounded text: cut at a length, never in the middle of a surrogate pair. */
public final class Texts {
    private Texts() {}

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
