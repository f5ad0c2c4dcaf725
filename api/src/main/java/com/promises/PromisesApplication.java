package com.promises;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Promises service: commands over HTTP, an event store and read models in PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PromisesApplication {

    public static void main(String[] args) {
        // A collections service keeps debtors' data in-house: Axon's usage report stays off unless asked for.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(PromisesApplication.class, args);
    }
}
