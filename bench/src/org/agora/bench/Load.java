package org.agora.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A closed-loop load: N clients, each sending its next request when the last one answered, for a bounded time. */
final class Load {
    /** What one client does once; answers an outcome ("200", "409", "SQLException"…), or null when it has no more work. */
    @FunctionalInterface
    interface Step {
        String call(int client, int n) throws Exception;
    }

    record Result(String name, int clients, int requests, int errors, double perSecond, double p50, double p99,
                  Map<String, Integer> outcomes) {
        String row(double baselinePerSecond) {
            return String.format("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.2f |", name, clients, requests, errors,
                    perSecond, p50, p99, baselinePerSecond == 0 ? 0 : perSecond / baselinePerSecond);
        }
    }

    private Load() {
    }

    /** Runs {@code clients} loops for {@code seconds} (and at most 200,000 requests), each building its own request. */
    static Result run(String name, HttpClient http, int clients, int seconds, IntFunction<HttpRequest> request,
                      int expectedStatus) throws InterruptedException {
        return loop(name, clients, seconds, String.valueOf(expectedStatus),
                (client, n) -> String.valueOf(http.send(request.apply(client), HttpResponse.BodyHandlers.discarding()).statusCode()));
    }

    /**
     * Runs {@code clients} loops of {@code step} for {@code seconds} (and at most 200,000 steps in all); a step whose
     * outcome is not {@code expected} (or that throws) is an error. {@code n} counts the client's own steps from 0.
     */
    static Result loop(String name, int clients, int seconds, String expected, Step step) throws InterruptedException {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicInteger();
        var sent = new AtomicInteger();
        var outcomes = new ConcurrentHashMap<String, AtomicInteger>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (System.nanoTime() < end && sent.incrementAndGet() <= 200_000) {
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        outcome = step.call(client, n++);
                        if (outcome == null) {
                            return;
                        }
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    latencies.add(System.nanoTime() - t0);
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    if (!outcome.equals(expected)) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        var counted = new TreeMap<String, Integer>();
        outcomes.forEach((k, v) -> counted.put(k, v.get()));
        return new Result(name, clients, sorted.size(), errors.get(), sorted.size() / elapsed,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, counted);
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
