package com.promises.core.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record CustomerRegistered(String customerId, String name, String currency, Instant recordedAt) {
}
