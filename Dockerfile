# syntax=docker/dockerfile:1
# One image per service, all from this file and one shared build stage: docker compose builds each
# service's target (e.g. `docker build --target item-service -t ddb-item-service .`), and the build
# stage, identical for all five, runs once.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The dependencies in a layer of their own: it is rebuilt only when a pom.xml changes, not at every
# change of a source file.
COPY pom.xml ./
COPY common/pom.xml common/
COPY table-service/pom.xml table-service/
COPY item-service/pom.xml item-service/
COPY stream-service/pom.xml stream-service/
COPY backup-service/pom.xml backup-service/
COPY gateway-service/pom.xml gateway-service/
COPY standalone/pom.xml standalone/
ARG SERVICES=common,table-service,item-service,stream-service,backup-service,gateway-service
RUN mvn -B -ntp -pl ${SERVICES} dependency:go-offline
COPY . .
RUN mvn -B -ntp -pl ${SERVICES} package -DskipTests

# What every service image shares; a target below adds the service's jar, port and health check.
FROM eclipse-temurin:17-jre AS service
WORKDIR /app
ENV DDB_DATA_DIR=/data
# Memory (measured with the standalone launcher, which sets the same itself; README, Performance):
# glibc's default of 8 malloc arenas per core kept ~180 MB freed by the JVM's native allocations,
# and the JDK's per-thread temporary direct buffers are capped (Kafka clients move large batches).
# The serial collector keeps these small heaps as compact as G1 does, with less CPU.
ENV MALLOC_ARENA_MAX=2
VOLUME /data
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Djdk.nio.maxCachedBufferSize=262144", "-jar", "/app/app.jar"]

# No curl in the images: the health checks ask Actuator over bash's /dev/tcp.
FROM service AS table-service
COPY --from=build /src/table-service/target/table-service-0.1.0-SNAPSHOT-exec.jar app.jar
EXPOSE 8101
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=12 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8101 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && grep -q UP <&3'

FROM service AS item-service
COPY --from=build /src/item-service/target/item-service-0.1.0-SNAPSHOT-exec.jar app.jar
EXPOSE 8102
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=12 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8102 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && grep -q UP <&3'

FROM service AS stream-service
COPY --from=build /src/stream-service/target/stream-service-0.1.0-SNAPSHOT-exec.jar app.jar
EXPOSE 8103
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=12 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8103 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && grep -q UP <&3'

FROM service AS backup-service
COPY --from=build /src/backup-service/target/backup-service-0.1.0-SNAPSHOT-exec.jar app.jar
EXPOSE 8104
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=12 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8104 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && grep -q UP <&3'

FROM service AS gateway-service
COPY --from=build /src/gateway-service/target/gateway-service-0.1.0-SNAPSHOT-exec.jar app.jar
# 8000 HTTP, 8443 HTTPS. bash cannot speak TLS: with HTTP switched off the check is that 8443 accepts connections.
EXPOSE 8000 8443
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=12 \
  CMD bash -c 'if [ "${DDB_GATEWAY_HTTP_ENABLED:-true}" = false ]; then exec 3<>/dev/tcp/127.0.0.1/8443; else exec 3<>/dev/tcp/127.0.0.1/8000 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && grep -q UP <&3; fi'
