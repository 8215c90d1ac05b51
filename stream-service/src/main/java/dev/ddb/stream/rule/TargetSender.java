package dev.ddb.stream.rule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends one event to one target; a failure is an exception whose message says why (the sender retries). */
interface TargetSender {

    void send(byte[] key, byte[] event) throws InterruptedException, DeliveryException;

    /** The target did not take the event. */
    final class DeliveryException extends Exception {
        DeliveryException(String message) {
            super(message);
        }
    }

    static TargetSender of(TargetArns.Destination destination, Producer<byte[], byte[]> producer, HttpClient http,
                           Duration timeout) {
        if (destination instanceof TargetArns.Topic topic) {
            return (key, event) -> {
                try {
                    producer.send(new ProducerRecord<>(topic.name(), key, event)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new DeliveryException("Kafka topic " + topic.name() + ": " + (e.getCause() != null ? e.getCause() : e));
                }
            };
        }
        URI url = ((TargetArns.Url) destination).uri();
        return (key, event) -> {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 != 2) {
                    throw new DeliveryException(url + " answered HTTP " + status);
                }
            } catch (IOException e) {
                throw new DeliveryException(url + ": " + e);
            }
        };
    }
}
