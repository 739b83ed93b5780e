# One image per service, built from this repository:
#   docker build --build-arg SERVICE=signup-producer -t enrollment/signup-producer .
# docker-compose.yml builds all three.
FROM maven:3.9.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn --batch-mode --no-transfer-progress -pl ${SERVICE} -am package -DskipTests \
 && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /service.jar

FROM eclipse-temurin:17.0.13_11-jre
# The key-encryption keys' folder exists in the image, owned by the service, so a named volume
# mounted there (docker-compose.yml) starts writable by it.
RUN useradd --system --uid 10001 service && mkdir -p /data/secrets/kek && chown -R service /data \
 && chmod 700 /data/secrets/kek
USER service
WORKDIR /app
COPY --from=build /service.jar service.jar
ENV ENROLLMENT_DATA_DIR=/data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
