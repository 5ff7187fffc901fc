# One image per Caseflow jar (services and the provisioning step); docker-compose.yml passes JAR.
FROM eclipse-temurin:21-jre
ARG JAR
COPY ${JAR} /app/app.jar
USER 1000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
