package org.groupenrollment.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.groupenrollment.console.groups.Board;
import org.groupenrollment.console.groups.GroupSeats;
import org.groupenrollment.console.groups.Happening;
import org.groupenrollment.console.groups.Person;
import org.groupenrollment.console.groups.Place;

/**
 * The staff console's board at the size it is built for: {@value #GROUPS} groups of
 * {@value #PER_GROUP} people each (12 seats, the rest waiting), as many records as the
 * topics would bring (the signup, the place, two steps of history, the group's seats).
 * Measured in this JVM, without Kafka: how fast a start rebuilds it, the heap it keeps,
 * and what a group's page and the overview cost to read from it.
 */
final class ConsoleBoard {

    static final int GROUPS = 2_000;

    static final int PER_GROUP = 100;

    private static final int SEATS = 12;

    private ConsoleBoard() {
    }

    static List<Figure> run(Progress progress) {
        int people = GROUPS * PER_GROUP;
        progress.say("console", "building a board of %,d people in %,d groups", people, GROUPS);
        long heapBefore = usedHeap();
        Board board = new Board();
        long start = System.nanoTime();
        long records = fill(board);
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapMiB = (usedHeap() - heapBefore) / (1024 * 1024);

        Random random = new Random(42);
        List<Long> groupPage = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String group = "group-" + random.nextInt(GROUPS);
            long began = System.nanoTime();
            if (board.people(group).size() != PER_GROUP) {
                throw new IllegalStateException("The board lost people of " + group);
            }
            groupPage.add(System.nanoTime() - began);
        }
        List<Long> overview = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long began = System.nanoTime();
            if (board.seats().size() != GROUPS) {
                throw new IllegalStateException("The board lost groups");
            }
            overview.add(System.nanoTime() - began);
        }
        progress.say("console", "%,d records in %.1f s; %d MiB of heap", records, seconds, heapMiB);
        String size = people / 1000 + "k people";
        return List.of(Figure.alone("console", "board rebuilt, records per second", records / seconds, "records/s"),
                Figure.alone("console", "board heap, " + size, heapMiB, "MiB"),
                Figure.alone("console", "a group's people (100), p99", percentile(groupPage, 0.99) / 1e3, "µs"),
                Figure.alone("console", "every group's seats (" + GROUPS + "), p99", percentile(overview, 0.99) / 1e3,
                        "µs"));
    }

    private static long fill(Board board) {
        Instant now = Instant.now();
        long records = 0;
        for (int g = 0; g < GROUPS; g++) {
            String group = "group-" + g;
            for (int i = 0; i < PER_GROUP; i++) {
                String signup = UUID.randomUUID().toString();
                boolean seated = i < SEATS;
                board.on(new Person(signup, "Firstname" + i, "Lastname" + g, "person" + i + "." + g + "@example.org",
                        null, "NY"));
                board.on(new Happening(signup, now, Happening.Kind.SUBMITTED, null, null));
                board.on(new Place(signup, group, seated ? Place.State.CONFIRMED : Place.State.WAITLISTED,
                        seated ? group + "-mon" : null, seated ? i + 1 : null, null, seated ? null : (long) i, null,
                        now));
                board.on(new Happening(signup, now.plusSeconds(1),
                        seated ? Happening.Kind.SEAT_HELD : Happening.Kind.WAITLISTED, null,
                        new Happening.EmailSource("enrollment.seats.reserved", g % 6, i)));
                records += 4;
            }
            board.on(new GroupSeats(group, List.of(new GroupSeats.Cohort(group + "-mon", SEATS, 0, SEATS, 0)),
                    PER_GROUP - SEATS, now));
            records++;
        }
        return records;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double percentile(List<Long> nanos, double quantile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }

}
