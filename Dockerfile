# px-wizard as a small, non-root image (deploy/px-wizard.yaml runs it in a cluster).
#   docker build -t px-wizard:0.1.0 .
#   docker run --rm -p 127.0.0.1:8080:8080 -e SERVER_ADDRESS=0.0.0.0 px-wizard:0.1.0
# Listening on 0.0.0.0 inside the container turns the login on; the generated password is printed once in the log.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY templates templates
COPY static static
RUN mvn -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/px-wizard-*.jar extract --layers --launcher --destination /app

# A JRE only: no Maven, no JDK, no shell tools beyond the base image's.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
ENV PX_WIZARD_DATABASE_PATH=/data/px-wizard
RUN mkdir -p /data && chown 65532:65532 /data
VOLUME /data
USER 65532:65532
EXPOSE 8080 8081
# The JRE checks its own health endpoint: no curl needed in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["java", "-cp", "/app/BOOT-INF/classes", "io.pxwizard.web.HealthCheck"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
