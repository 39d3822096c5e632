package io.github.pgmigrate.mojo;

import io.github.pgmigrate.fleet.FleetGoals;
import io.github.pgmigrate.fleet.FleetRun;

/** A goal's work for a fleet, given how to open each target's database. */
@FunctionalInterface
interface FleetWorkFactory {
    FleetRun.TargetWork create(FleetGoals.Connectors connectors);
}
