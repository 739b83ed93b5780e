package org.groupenrollment.console.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.groupenrollment.console.ConsoleSettings;
import org.springframework.stereotype.Component;

/**
 * The latest audit records and erasures, newest first, as read back from their topics (so
 * the page shows what every console instance recorded, and only what was recorded).
 * Bounded: the topic keeps the whole trail.
 */
@Component
public class RecentActivity {

    private final Deque<Activity> latest = new ArrayDeque<>();

    private final Deque<Erasure> erasures = new ArrayDeque<>();

    private final int shown;

    public RecentActivity(ConsoleSettings settings) {
        this.shown = settings.auditShown();
    }

    public synchronized void on(Activity activity) {
        latest.addFirst(activity);
        if (latest.size() > shown) {
            latest.removeLast();
        }
    }

    public synchronized void on(Erasure erasure) {
        erasures.addFirst(erasure);
        if (erasures.size() > shown) {
            erasures.removeLast();
        }
    }

    synchronized List<Activity> latest() {
        return new ArrayList<>(latest);
    }

    synchronized List<Erasure> erasures() {
        return new ArrayList<>(erasures);
    }

}
