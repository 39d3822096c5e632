-- atlas:txmode none

-- CONCURRENTLY takes SHARE UPDATE EXCLUSIVE on the parent (PostgreSQL 14+); FINALIZE completes an interrupted run.
ALTER TABLE app.events DETACH PARTITION app.events_2024 CONCURRENTLY;
