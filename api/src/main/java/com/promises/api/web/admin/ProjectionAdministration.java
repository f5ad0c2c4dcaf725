package com.promises.api.web.admin;

import com.promises.projections.rebuild.Projections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Administration", description = "Read models: status and rebuilds (ADMIN)")
class ProjectionAdministration {

    private final Projections projections;

    ProjectionAdministration(Projections projections) {
        this.projections = projections;
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "rebuildProjections", summary = "Rebuild every read model from the full history",
            description = "Returns at once; progress shows in GET /api/v1/admin/projections and in the log.")
    Projections.RebuildProgress rebuild() {
        return projections.rebuild();
    }

    @GetMapping
    @Operation(operationId = "getProjectionsStatus",
            summary = "Each read model's position, lag, dead letters and rebuild progress")
    Projections.ProjectionsStatus status() {
        return projections.status();
    }
}
