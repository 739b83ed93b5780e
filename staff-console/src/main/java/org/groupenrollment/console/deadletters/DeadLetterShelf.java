package org.groupenrollment.console.deadletters;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Every dead letter of the pipeline with what staff did about it, rebuilt at start from
 * the dead-letter topics and the audit trail. Dead letters are few (a healthy pipeline
 * makes none), so all are kept.
 */
@Component
public class DeadLetterShelf {

    private final Map<String, DeadLetter> letters = new ConcurrentHashMap<>();

    private final Map<String, Disposition> dispositions = new ConcurrentHashMap<>();

    public void on(DeadLetter letter) {
        letters.put(letter.id(), letter);
    }

    public void on(Disposition disposition) {
        dispositions.merge(disposition.deadLetterId(), disposition,
                (known, fresh) -> fresh.at().isBefore(known.at()) ? known : fresh);
    }

    Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(letters.get(id));
    }

    Optional<Disposition> disposition(String id) {
        return Optional.ofNullable(dispositions.get(id));
    }

    /** Newest first; without the resolved ones unless asked. */
    List<Shelved> list(boolean withResolved) {
        return letters.values()
            .stream()
            .map(letter -> new Shelved(letter, dispositions.get(letter.id())))
            .filter(shelved -> withResolved || !shelved.resolved())
            .sorted(Comparator.comparing((Shelved shelved) -> shelved.letter().at()).reversed())
            .toList();
    }

    record Shelved(DeadLetter letter, Disposition disposition) {

        boolean resolved() {
            return disposition != null && disposition.kind() == Disposition.Kind.RESOLVED;
        }

    }

}
