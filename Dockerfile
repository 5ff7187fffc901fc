# One image per Caseflow jar (services and the provisioning step); docker-compose.yml passes JAR.
FROM eclipse-temurin:21-jre
ARG JAR
COPY ${JAR} /app/app.jar
# stream state lives in /state (a volume in docker-compose.yml): created here, owned by the user the service runs as,
# so a named volume mounted there starts writable
RUN mkdir -p /state && chown 1000:1000 /state
VOLUME /state
USER 1000
# as under ./caseflow up (docs/operations.md, "Memory"): few malloc arenas, no megabyte-sized per-thread NIO buffer caches
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Djdk.nio.maxCachedBufferSize=262144", "-jar", "/app/app.jar"]
