package org.groupenrollment.signup.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.groupenrollment.signup.place.PlaceRequest;
import org.groupenrollment.signup.place.SeatRequestPublisher;

/**
 * Stands in for Kafka in the place slice tests: keeps each request, and hands it to a
 * stand-in processor when one is set.
 */
class RecordingSeatRequests implements SeatRequestPublisher {

    final List<PlaceRequest> published = new CopyOnWriteArrayList<>();

    volatile java.util.function.Consumer<PlaceRequest> processor = request -> {
    };

    @Override
    public void publish(PlaceRequest request) {
        published.add(request);
        processor.accept(request);
    }

}
