package dev.wharf.application.service.webhook;

import dev.wharf.application.port.out.webhook.WebhookSender;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A sender that answers as scripted (2xx once the script runs out) and keeps what it was asked to send. */
final class ScriptedSender implements WebhookSender {
    final List<Request> sent = new ArrayList<>();
    private final Deque<Result> script = new ArrayDeque<>();
    /** Run while the next request is "on the wire": what happens meanwhile elsewhere. */
    Runnable duringSend = () -> {};

    ScriptedSender then(Outcome outcome, int status) {
        script.add(new Result(
                outcome, status, outcome == Outcome.DELIVERED ? "HTTP " + status : "failed " + status, Duration.ZERO));
        return this;
    }

    @Override
    public synchronized Result send(Request request) {
        sent.add(request);
        duringSend.run();
        Result next = script.poll();
        return next != null ? next : new Result(Outcome.DELIVERED, 200, "HTTP 200", Duration.ZERO);
    }
}
