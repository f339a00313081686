package dev.wharf.domain.warehouse;

import dev.wharf.domain.shared.Texts;

/** Status messages are kept to {@value #MAX_LENGTH} characters; longer ones are cut, never refused. */
public final class StatusMessage {
    public static final int MAX_LENGTH = 1024;

    private StatusMessage() {}

    public static String bounded(String message) {
        return message == null ? "" : Texts.truncate(message, MAX_LENGTH);
    }
}
