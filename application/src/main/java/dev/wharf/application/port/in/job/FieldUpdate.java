package dev.wharf.application.port.in.job;

/**
 * One field of a partial update: absent, which leaves the field as it is, or present with a value, which may be null
 * to clear the field. A bare null cannot tell the two apart; a PATCH body can ({@code {}} against {@code {"field":
 * null}}).
 */
public record FieldUpdate<T>(boolean present, T value) {
    private static final FieldUpdate<?> ABSENT = new FieldUpdate<>(false, null);

    public FieldUpdate {
        if (!present && value != null) {
            throw new IllegalArgumentException("an absent field has no value");
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> absent() {
        return (FieldUpdate<T>) ABSENT;
    }

    /** The field set to {@code value}, or cleared when it is null. */
    public static <T> FieldUpdate<T> to(T value) {
        return new FieldUpdate<>(true, value);
    }
}
