package db.migration;

import com.promises.projections.history.EventChains;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Links the events stored before the hash chain existed (V40), from their stored rows. A migration rather than a
 * task at start: Flyway runs it once, under its lock, before any instance appends, so no event is appended after an
 * unlinked one and two instances starting together cannot both do it; and in one transaction, so a crash midway
 * leaves no half chain. Named as Flyway finds Java migrations (in db.migration, version in the class name).
 */
public class V41__Chain_existing_events extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        EventChains.linkUnchained(context.getConnection(), null);
    }
}
