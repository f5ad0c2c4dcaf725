package com.promises;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Promises service: commands over HTTP, an event store and read models in PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PromisesApplication {

    public static void main(String[] args) {
        SpringApplication.run(PromisesApplication.class, args);
    }
}
