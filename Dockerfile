# The service's image: docker compose up --build (README, "Deployment").
# The tests in api/src/test/java/com/promises/api/deployment replay this file's build stage without Docker
# (WORKDIR, ENV, COPY and RUN; nothing else there) and run its health check under dash.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# The poms first: the dependency layer below is built again only when one of them changes.
# Maven reads every module the root pom lists before it builds any, so bench's pom is needed too (not its sources).
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY core/pom.xml core/pom.xml
COPY verifier/pom.xml verifier/pom.xml
COPY projections/pom.xml projections/pom.xml
COPY api/pom.xml api/pom.xml
COPY bench/pom.xml bench/pom.xml
# The dependency layer: the real build with nothing to compile, so it fetches exactly the plugins and libraries
# the build below uses (dependency:go-offline misses some, and cannot resolve the modules of this reactor).
# codegen.skip: the client the tests generate from api/openapi.json is not part of the image.
RUN ./mvnw -B -q -pl api -am -DskipTests -Dcodegen.skip -Dmaven.main.skip -Dspring-boot.repackage.skip package
COPY core/src/main core/src/main
COPY projections/src/main projections/src/main
COPY api/src/main api/src/main
RUN ./mvnw -B -q -pl api -am -DskipTests -Dcodegen.skip package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app --no-create-home --shell /usr/sbin/nologin promises \
    && mkdir -p /app/dumps && chown promises /app/dumps
WORKDIR /app
COPY --from=build /src/api/target/promises-exec.jar /app/promises.jar
# The health check is a class of its own, run from its directory: the image promises no curl or wget,
# and its /bin/sh (dash) has no /dev/tcp.
COPY --from=build /src/api/target/classes/com/promises/api/infrastructure/health/ /app/health/com/promises/api/infrastructure/health/
USER promises
EXPOSE 8080
# A heap dump on OutOfMemoryError goes to this volume; the JVM then exits, and the container's restart policy starts it again.
VOLUME /app/dumps
# The heap is a share of the container's memory limit; the rest is for metaspace, threads and buffers.
# More flags (or -Xmx, which wins over the share) go in JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=/app/dumps", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/promises.jar"]
# The port follows SERVER_PORT, then PORT, as the service's own setting does (POSIX sh: the image's /bin/sh is dash).
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD java -Xmx16m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp /app/health com.promises.api.infrastructure.health.ContainerHealthCheck "http://127.0.0.1:${SERVER_PORT:-${PORT:-8080}}/actuator/health/readiness"
