-- A row here while a bulk replay of the history fills the read models (BulkReplay). It is deleted in the
-- transaction that hands the processors their tokens; found at start, it means the service stopped midway,
-- and the half-filled tables are cleared again before the processors start (InterruptedRebuild).
create table read_model_rebuild (
    started_at timestamptz not null
);
