package dev.wharf.domain.warehouse;

/** Status messages are kept to {@value #MAX_LENGTH} characters; longer ones are cut, never refused. */
public final class StatusMessage {
    public static final int MAX_LENGTH = 1024;

    private StatusMessage() {}

    public static String bounded(String message) {
        if (message == null) {
            return "";
        }
        if (message.length() <= MAX_LENGTH) {
            return message;
        }
        int end = MAX_LENGTH;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end);
    }
}
