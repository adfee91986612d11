package dustwatch.contracts.cleaning;

/** How often an area must be cleaned (清扫频次), domain reference §5.2. */
public enum CleaningFrequency {
    /** 每班: floors and machine surfaces in dust areas, once in every production shift. */
    PER_SHIFT,
    /** 每日: collector surroundings and hopper discharge, once per China calendar day. */
    DAILY,
    /** 每周: beams, ledges, ducts, once per ISO week (China time). */
    WEEKLY
}
