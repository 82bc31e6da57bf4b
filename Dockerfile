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
 && cp target/px-wizard-*.jar px-wizard.jar \
 && java -Djarmode=tools -jar px-wizard.jar extract --layers --destination /app

# A JRE only: no Maven, no JDK, no shell tools beyond the base image's.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
# Class Data Sharing (Spring Boot's "Class Data Sharing" how-to): a training run that starts the context and exits,
# archiving the classes it loaded; starts take half the time with it (bench/README.md, row 5). In memory and without a
# cluster, so the image holds no database and the training run touches nothing.
RUN java -XX:ArchiveClassesAtExit=px-wizard.jsa -Dspring.context.exit=onRefresh -jar px-wizard.jar \
      --px-wizard.cluster.auto-connect=false --spring.datasource.url=jdbc:h2:mem:training --logging.level.root=WARN
ENV PX_WIZARD_DATABASE_PATH=/data/px-wizard
RUN mkdir -p /data && chown 65532:65532 /data
VOLUME /data
USER 65532:65532
EXPOSE 8080 8081
# The JRE checks its own health endpoint: no curl needed in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["java", "-cp", "/app/px-wizard.jar", "io.pxwizard.web.HealthCheck"]
# SerialGC and C1 only: measured to start in half the time and idle under 200 MB, and on two cores to serve pages
# faster than with the optimising compiler, which competes with the server for the cores (bench/README.md, rows 1, 5).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=px-wizard.jsa", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", \
            "-XX:MaxRAMPercentage=75", "-jar", "px-wizard.jar"]
