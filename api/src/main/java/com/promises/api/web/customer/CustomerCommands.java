package com.promises.api.web.customer;

import com.promises.api.command.CommandDispatcher;
import com.promises.api.web.input.ValidId;
import com.promises.core.account.RegisterCustomer;
import com.promises.core.account.Registration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer accounts")
class CustomerCommands {

    private final CommandDispatcher commands;

    CustomerCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PutMapping("/{customerId}")
    @Operation(operationId = "registerCustomer", summary = "Register a customer",
            description = "Opens the customer's account in one currency. Sending the same name and currency again changes nothing.")
    @ApiResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", description = "The customer's summary", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "Already registered with the same name and currency; nothing changed")
    @ApiResponse(responseCode = "409", description = "CUSTOMER_ALREADY_REGISTERED: registered before with another name or currency")
    ResponseEntity<RegisterCustomerResponse> register(
            @PathVariable @ValidId @Parameter(example = "hotel-zhonghua") String customerId,
            @Valid @RequestBody RegisterCustomerRequest body) {
        Registration registration = commands.send(customerId,
                new RegisterCustomer(customerId, body.name(), body.currency()), Registration.class);
        RegisterCustomerResponse answer = new RegisterCustomerResponse(customerId, body.name(), body.currency());
        if (registration == Registration.UNCHANGED) {
            return ResponseEntity.ok(answer);
        }
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId)).body(answer);
    }
}
