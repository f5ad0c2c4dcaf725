package com.promises.projections.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Before the read models' processors start: a bulk replay the service did not finish left tables holding part
 * of the history, and the processors' tokens still at the start of it, so the processors would apply those
 * events a second time. The tables are cleared again and the processors replay the history themselves.
 */
@Component
class InterruptedRebuild implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRebuild.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private volatile boolean running;

    InterruptedRebuild(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Override
    public void start() {
        running = true;
        Long interrupted = jdbc.queryForObject("select count(*) from read_model_rebuild", Long.class);
        if (interrupted != null && interrupted > 0) {
            log.warn("A rebuild of the read models was interrupted; they are cleared and replayed by their processors");
            Projections.reset(processing, Projections.streamingProcessors(processing));
            jdbc.update("delete from read_model_rebuild");
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Axon's configuration starts, which starts the processors. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }
}
