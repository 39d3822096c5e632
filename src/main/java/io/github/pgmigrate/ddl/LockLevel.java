package io.github.pgmigrate.ddl;

/** PostgreSQL's table lock modes, weakest first, with the short names used in messages. */
public enum LockLevel {
    NONE("no lock"),
    ACCESS_SHARE("ACCESS SHARE"),
    ROW_SHARE("ROW SHARE"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE"),
    SHARE("SHARE"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE"),
    EXCLUSIVE("EXCLUSIVE"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE");

    private final String display;

    LockLevel(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    public LockLevel max(LockLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Whether it conflicts with the locks that reads or writes take (SHARE and above). */
    public boolean blocksTraffic() {
        return ordinal() >= SHARE.ordinal();
    }

    /** Parses the mode of {@code LOCK … IN <mode> MODE}, given as lower-case words. */
    public static LockLevel ofMode(String words) {
        for (LockLevel level : values()) {
            if (level.display.equalsIgnoreCase(words)) {
                return level;
            }
        }
        return ACCESS_EXCLUSIVE;
    }
}
