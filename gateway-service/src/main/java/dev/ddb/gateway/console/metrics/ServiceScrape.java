package dev.ddb.gateway.console.metrics;

import java.util.List;

import dev.ddb.gateway.routing.DownstreamService;

/**
 * What one service's {@code /actuator/prometheus} gave: its DynamoDB-named samples, or why there are
 * none (the service is down or slow; the console shows it rather than a silent gap).
 */
record ServiceScrape(DownstreamService service, List<PrometheusSample> samples, String error) {

    static ServiceScrape of(DownstreamService service, List<PrometheusSample> samples) {
        return new ServiceScrape(service, samples, null);
    }

    static ServiceScrape failed(DownstreamService service, String error) {
        return new ServiceScrape(service, List.of(), error);
    }
}
