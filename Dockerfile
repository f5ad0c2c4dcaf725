# Builds the service from this repository: docker compose up --build
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY core/pom.xml core/pom.xml
COPY verifier/pom.xml verifier/pom.xml
COPY projections/pom.xml projections/pom.xml
COPY api/pom.xml api/pom.xml
RUN ./mvnw -B -q dependency:go-offline -DexcludeGroupIds=com.promises || true
COPY core/src core/src
COPY verifier/src verifier/src
COPY projections/src projections/src
COPY api/src api/src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app promises
WORKDIR /app
COPY --from=build /src/api/target/promises-exec.jar /app/promises.jar
USER promises
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/promises.jar"]
