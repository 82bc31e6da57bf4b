# px-wizard as a small, non-root image.
#   docker build -t px-wizard .
#   docker run --rm -p 127.0.0.1:8080:8080 -e SERVER_ADDRESS=0.0.0.0 px-wizard
# Inside the container the app must listen on all of the container's interfaces; publish the port on the host's
# loopback only (as above) until authentication is configured.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY templates templates
COPY static static
RUN mvn -B -q package -DskipTests && java -Djarmode=tools -jar target/px-wizard-*.jar extract --layers --launcher --destination /app

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
